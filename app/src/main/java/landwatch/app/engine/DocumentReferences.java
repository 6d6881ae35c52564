package landwatch.app.engine;

import io.camunda.client.api.response.DocumentReferenceResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored engine document as a process variable holds it: Camunda's document reference, with the
 * file name and media type the forms and workers show and check.
 */
public final class DocumentReferences {

  private DocumentReferences() {}

  public static Map<String, Object> of(
      DocumentReferenceResponse stored, String fileName, String contentType) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("camunda.document.type", "camunda");
    reference.put("storeId", stored.getStoreId());
    reference.put("documentId", stored.getDocumentId());
    reference.put("contentHash", stored.getContentHash());
    reference.put("metadata", Map.of("fileName", fileName, "contentType", contentType));
    return reference;
  }
}
