package landwatch.layer;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.spatial.ImportProgress;
import landwatch.spatial.ImportRejectedException;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.SpatialFileReader;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Replaces a reference layer: the new version is stored and made current in one transaction, then
 * its index is built beside the old one and swapped in (checks in progress finish on the old one),
 * then every spot's result is recomputed against it.
 */
@Service
public class LayerImportService {

  private final LayerImporter importer;
  private final LayerStore store;
  private final ReferenceLayers referenceLayers;
  private final StaleResults refresh;
  private final TransactionTemplate transaction;
  private final SpatialResultsLock lock;
  private final AuditTrail audit;

  public LayerImportService(
      SpatialFileReader reader,
      ProvinceExtent extent,
      LayerStore store,
      ReferenceLayers referenceLayers,
      StaleResults refresh,
      TransactionTemplate transaction,
      SpatialResultsLock lock,
      AuditTrail audit) {
    this.importer = new LayerImporter(reader, new LayerValidator(extent));
    this.store = store;
    this.referenceLayers = referenceLayers;
    this.refresh = refresh;
    this.transaction = transaction;
    this.lock = lock;
    this.audit = audit;
  }

  public LayerImport importLayer(
      LayerClass layerClass,
      int surveyYear,
      String fileName,
      byte[] content,
      String importedBy,
      ImportProgress.Tracker progress) {
    // a large layer's attributes are most of its memory and only the write needs them: the index
    // is built and every spot rechecked once they are garbage, beside the old index and the engine
    AtomicReference<List<LayerFeature>> parsed =
        new AtomicReference<>(validated(layerClass, content));
    return lock.exclusively(
        () -> {
          progress.phase(ImportProgress.Phase.STORING);
          Stored stored = store(layerClass, surveyYear, fileName, importedBy, parsed);
          progress.phase(ImportProgress.Phase.INDEXING);
          referenceLayers.replace(layerClass, stored.version().label(), stored.geometries());
          progress.phase(ImportProgress.Phase.RECHECKING);
          refresh.refreshStale();
          return new LayerImport(
              layerClass, surveyYear, stored.geometries().size(), stored.version().label());
        });
  }

  private List<LayerFeature> validated(LayerClass layerClass, byte[] content) {
    LayerValidation validation =
        importer.importLayer(layerClass, new ByteArrayInputStream(content));
    if (!validation.accepted()) {
      throw new ImportRejectedException(
          layerClass.chineseName() + "图层", layerClass + " layer", validation.errors());
    }
    return validation.features();
  }

  private record Stored(LayerVersion version, List<Geometry> geometries) {}

  /** Stores the version as current and hands on its geometries, letting go of the features. */
  private Stored store(
      LayerClass layerClass,
      int surveyYear,
      String fileName,
      String importedBy,
      AtomicReference<List<LayerFeature>> parsed) {
    List<LayerFeature> features = parsed.getAndSet(null);
    LayerVersion version =
        transaction.execute(
            status -> {
              store.lockClass(layerClass);
              Optional<LayerVersion> previous = store.current(layerClass);
              previous.ifPresent(current -> refuseOlder(current, surveyYear));
              LayerVersion replacement =
                  store.replace(layerClass, surveyYear, fileName, importedBy, features);
              audit.record(
                  AuditEntry.done("layer.import", "layer", String.valueOf(replacement.id()))
                      .before(previous.orElse(null))
                      .after(replacement));
              return replacement;
            });
    return new Stored(version, features.stream().map(LayerFeature::geometry).toList());
  }

  /**
   * A survey year older than the current one is almost always the wrong file; the same year again
   * is a correction and replaces it.
   */
  private static void refuseOlder(LayerVersion current, int surveyYear) {
    if (surveyYear < current.surveyYear()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT,
              current.layerClass().chineseName()
                  + "图层当前为 "
                  + current.surveyYear()
                  + " 年度版本，不能以较早的 "
                  + surveyYear
                  + " 年度替换 / "
                  + current.layerClass()
                  + " is at survey year "
                  + current.surveyYear()
                  + "; an older year ("
                  + surveyYear
                  + ") cannot replace it");
      problem.setTitle("Older survey year");
      problem.setProperty("currentYear", current.surveyYear());
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
  }
}
