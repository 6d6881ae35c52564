package landwatch.task;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import landwatch.extension.WrittenApplication;

/**
 * What an officer may attach to a task — field photos and video, written justifications and
 * applications — recognised by its content rather than its name or the browser's word, so that an
 * empty or arbitrary upload is never kept as evidence.
 */
public final class Evidence {

  private Evidence() {}

  /** The media type of the content, or empty when it is none of the accepted kinds. */
  public static Optional<String> mediaType(byte[] content, String fileName) {
    Optional<String> document = WrittenApplication.mediaType(content, fileName);
    if (document.isPresent()) {
      return document;
    }
    // ISO base media files (MP4, QuickTime, HEIF photos) name their brand after "ftyp"
    if (content.length >= 12
        && "ftyp".equals(new String(content, 4, 4, StandardCharsets.ISO_8859_1))) {
      String brand = new String(content, 8, 4, StandardCharsets.ISO_8859_1);
      return Optional.of(
          switch (brand) {
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            case "qt  " -> "video/quicktime";
            default -> "video/mp4";
          });
    }
    return Optional.empty();
  }

  public static String acceptedKinds() {
    return "照片（JPEG、PNG、HEIC）、视频（MP4、MOV）或文件（" + WrittenApplication.acceptedKinds() + "）";
  }
}
