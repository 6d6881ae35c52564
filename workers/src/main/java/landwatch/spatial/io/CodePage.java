package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_ENCODING;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute encoding a .cpg names. Chinese GIS software writes either a charset name ("UTF-8",
 * "GBK", "GB2312") or a Windows/ANSI code page number ("936", "65001"); without a .cpg, a Chinese
 * Shapefile is GBK (ArcGIS and the survey tools on Chinese Windows).
 */
public final class CodePage {

  public static final Charset DEFAULT = Charset.forName("GBK");

  private static final Map<String, Charset> CODE_PAGES =
      Map.of(
          "936",
          DEFAULT,
          "CP936",
          DEFAULT,
          // GBK is a superset of GB2312 and what such files actually contain.
          "GB2312",
          DEFAULT,
          "65001",
          StandardCharsets.UTF_8,
          "UTF8",
          StandardCharsets.UTF_8,
          "54936",
          Charset.forName("GB18030"),
          "1252",
          Charset.forName("windows-1252"),
          "ANSI 1252",
          Charset.forName("windows-1252"),
          "437",
          Charset.forName("IBM437"));

  private CodePage() {}

  /** The charset for a .cpg's content; {@link #DEFAULT} when there is no .cpg. */
  public static Charset of(byte[] cpg) {
    if (cpg == null) {
      return DEFAULT;
    }
    String name =
        new String(cpg, StandardCharsets.US_ASCII)
            .strip()
            .replace("\uFEFF", "")
            .toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      return DEFAULT;
    }
    Charset known = CODE_PAGES.get(name);
    if (known != null) {
      return known;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new SpatialImportException(UNSUPPORTED_ENCODING, name, e);
    }
  }
}
