package landwatch.extension;

import java.util.Locale;
import java.util.Optional;

/**
 * The written application an extension needs (§三(一)3 "必须以书面形式申请"): a scanned or signed document,
 * recognised by its content rather than its name, so an empty or arbitrary upload is not taken for
 * one.
 */
public final class WrittenApplication {

  private WrittenApplication() {}

  /** The document's media type, or empty when the content is none of the accepted kinds. */
  public static Optional<String> mediaType(byte[] content, String fileName) {
    if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return Optional.of("application/msword");
    }
    // .docx and OFD (the national layout format) are both zip containers: the name tells which
    if (startsWith(content, 'P', 'K', 0x03, 0x04) && fileName != null) {
      String name = fileName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".docx")) {
        return Optional.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      }
      if (name.endsWith(".ofd")) {
        return Optional.of("application/ofd");
      }
    }
    return Optional.empty();
  }

  public static String acceptedKinds() {
    return "PDF、JPEG、PNG、Word（.doc/.docx）或 OFD";
  }

  private static boolean startsWith(byte[] content, int... prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((content[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
