package landwatch.layer;

import java.time.OffsetDateTime;

/**
 * One imported version of a reference layer.
 *
 * @param label what spatial results name as the version checked against: {@code <year>#<id>}
 */
public record LayerVersion(
    long id,
    LayerClass layerClass,
    int surveyYear,
    String fileName,
    int featureCount,
    OffsetDateTime importedAt,
    String importedBy,
    boolean current) {

  public String label() {
    return surveyYear + "#" + id;
  }
}
