package landwatch.engine.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;

/**
 * Which content types a document may have: the declared type must be allowed ({@code
 * landwatch.engine.documents.allowed-content-types}) and must be what the bytes are, so that an
 * executable declared as {@code image/jpeg} is refused. Without a declared type the bytes decide.
 */
final class ContentTypes {

  static final String PROPERTY = "landwatch.engine.documents.allowed-content-types";

  private static final String OCTET_STREAM = "application/octet-stream";

  /** Declared types whose bytes are a container shared with other formats. */
  private static final Map<String, String> CONTAINERS =
      Map.of(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              ContentSniffer.ZIP,
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentSniffer.ZIP,
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              ContentSniffer.ZIP,
          "application/vnd.oasis.opendocument.text", ContentSniffer.ZIP,
          "application/vnd.oasis.opendocument.spreadsheet", ContentSniffer.ZIP,
          "application/msword", ContentSniffer.OLE,
          "application/vnd.ms-excel", ContentSniffer.OLE);

  private final List<String> allowed;

  ContentTypes(List<String> allowed) {
    this.allowed = allowed.stream().map(ContentTypes::normalised).toList();
  }

  /**
   * The document's content type: the declared one (without parameters), or the one its bytes show
   * when none is declared; refused with 415 when it is not allowed or not what the bytes are.
   */
  String check(String declared, byte[] content, String fileName) {
    String sniffed = ContentSniffer.sniff(content);
    if (ContentSniffer.EXECUTABLE.equals(sniffed)) {
      throw refused(
          "Expected a document that is no executable or script, but the bytes of '%s' are one",
          fileName);
    }
    String type =
        declared == null || declared.isBlank() || normalised(declared).equals(OCTET_STREAM)
            ? (sniffed == null ? OCTET_STREAM : sniffed)
            : normalised(declared);
    if (!isAllowed(type)) {
      throw refused(
          "Expected a document of one of the content types %s (%s), but '%s' is %s",
          allowed, PROPERTY, fileName, type);
    }
    if (!matches(type, sniffed)) {
      throw refused(
          "Expected the content of '%s' to be %s as declared, but its bytes are %s",
          fileName, type, sniffed == null ? "binary of no recognised type" : sniffed);
    }
    return type;
  }

  private boolean isAllowed(String type) {
    for (String pattern : allowed) {
      if (pattern.equals(type)
          || pattern.equals("*/*")
          || (pattern.endsWith("/*")
              && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Types the bytes can show must be shown by them; images must be recognised images (so {@code
   * image/*} does not let SVG, which can carry scripts, through); text must be text.
   */
  private static boolean matches(String type, String sniffed) {
    if (ContentSniffer.isRecognised(type)) {
      return type.equals(sniffed);
    }
    if (CONTAINERS.containsKey(type)) {
      return CONTAINERS.get(type).equals(sniffed);
    }
    if (type.startsWith("image/")) {
      return false;
    }
    if (type.startsWith("text/")) {
      return ContentSniffer.TEXT.equals(sniffed);
    }
    return !ContentSniffer.isRecognised(sniffed) || type.equals(OCTET_STREAM);
  }

  private static String normalised(String type) {
    int parameters = type.indexOf(';');
    return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  private static Rejection refused(String format, Object... args) {
    return new Rejection(RejectionType.UNSUPPORTED_MEDIA_TYPE, String.format(format, args));
  }
}
