package landwatch.spot;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import landwatch.app.engine.DecisionAudit;
import org.springframework.stereotype.Component;

/**
 * What stands behind a spot's figures for whoever may see the spot: the decisions its instance
 * evaluated (the suggestion's DMN audit) and the documents attached while working it.
 */
@Component
class SpotEvidence {

  /** Beyond a phone photo or a scanned document: not something to preview in a page. */
  static final int MAX_PREVIEW_BYTES = 50 * 1024 * 1024;

  private final CamundaClient camunda;
  private final SpotStore spots;

  SpotEvidence(CamundaClient camunda, SpotStore spots) {
    this.camunda = camunda;
    this.spots = spots;
  }

  /** Newest first; none before the engine has started the spot's instance. */
  List<DecisionAudit> decisions(String monitoringCode) {
    Optional<Long> instance = spots.processInstanceKey(monitoringCode);
    if (instance.isEmpty()) {
      return List.of();
    }
    return camunda
        .newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instance.get()))
        .page(p -> p.limit(50))
        .send()
        .join()
        .items()
        .stream()
        .map(
            found ->
                DecisionAudit.of(
                    camunda
                        .newDecisionInstanceGetRequest(found.getDecisionInstanceId())
                        .send()
                        .join()))
        .sorted(Comparator.comparing(DecisionAudit::evaluated).reversed())
        .toList();
  }

  record Document(byte[] content, String mediaType) {}

  /** The document if the spot's record names it; a document of another spot does not exist here. */
  Optional<Document> document(String monitoringCode, String documentId) {
    Optional<String> mediaType = spots.documentType(monitoringCode, documentId);
    if (mediaType.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = camunda.newDocumentContentGetRequest(documentId).send().join()) {
      return Optional.of(new Document(in.readNBytes(MAX_PREVIEW_BYTES), mediaType.get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
