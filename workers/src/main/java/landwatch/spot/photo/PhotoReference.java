package landwatch.spot.photo;

import java.util.Map;
import java.util.Optional;

/**
 * A Camunda document reference as the form-js file picker stores it: {@code documentId}, {@code
 * storeId}, {@code contentHash} and {@code metadata.fileName}.
 */
public record PhotoReference(
    String documentId, String storeId, String contentHash, String fileName) {

  /** Empty when the value is no document reference at all. */
  public static Optional<PhotoReference> of(Object value) {
    if (!(value instanceof Map<?, ?> reference)
        || !(reference.get("documentId") instanceof String documentId)
        || documentId.isBlank()) {
      return Optional.empty();
    }
    String fileName =
        reference.get("metadata") instanceof Map<?, ?> metadata
            ? text(metadata.get("fileName"))
            : null;
    return Optional.of(
        new PhotoReference(
            documentId,
            text(reference.get("storeId")),
            text(reference.get("contentHash")),
            fileName));
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
