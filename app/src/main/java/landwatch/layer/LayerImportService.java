package landwatch.layer;

import java.io.ByteArrayInputStream;
import java.util.List;
import landwatch.spatial.ImportRejectedException;
import landwatch.spatial.io.SpatialFileReader;
import landwatch.spot.SpatialResultRefresh;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a reference layer: the new version is stored and made current in one transaction, then
 * its index is built beside the old one and swapped in (checks in progress finish on the old
 * one), then every spot's result is recomputed against it.
 */
@Service
public class LayerImportService {

  private final LayerImporter importer;
  private final LayerStore store;
  private final ReferenceLayers referenceLayers;
  private final SpatialResultRefresh refresh;
  private final TransactionTemplate transaction;

  public LayerImportService(
      SpatialFileReader reader,
      LayerValidator validator,
      LayerStore store,
      ReferenceLayers referenceLayers,
      SpatialResultRefresh refresh,
      TransactionTemplate transaction) {
    this.importer = new LayerImporter(reader, validator);
    this.store = store;
    this.referenceLayers = referenceLayers;
    this.refresh = refresh;
    this.transaction = transaction;
  }

  public LayerImport importLayer(
      LayerClass layerClass, int surveyYear, String fileName, byte[] content, String importedBy) {
    LayerValidation validation = importer.importLayer(layerClass, new ByteArrayInputStream(content));
    if (!validation.accepted()) {
      throw new ImportRejectedException(layerClass.chineseName() + "图层", validation.errors());
    }
    List<LayerFeature> features = validation.features();
    LayerVersion version =
        transaction.execute(
            status -> {
              store.lockClass(layerClass);
              return store.replace(layerClass, surveyYear, fileName, importedBy, features);
            });
    referenceLayers.replace(
        layerClass, version.label(), features.stream().map(LayerFeature::geometry).toList());
    refresh.refreshStale();
    return new LayerImport(layerClass, surveyYear, features.size(), version.label());
  }
}
