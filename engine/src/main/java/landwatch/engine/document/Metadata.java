package landwatch.engine.document;

import java.util.Map;

/**
 * A document's metadata as stored ({@code engine.document.metadata}) and answered: the API's {@code
 * DocumentMetadata}, with the content type and size the engine established.
 *
 * @param expiresAt ISO 8601 (UTC), or null when the document does not expire
 * @param processInstanceKey as the uploader gave it
 */
public record Metadata(
    String contentType,
    String fileName,
    String expiresAt,
    Long size,
    String processDefinitionId,
    String processInstanceKey,
    Map<String, Object> customProperties) {}
