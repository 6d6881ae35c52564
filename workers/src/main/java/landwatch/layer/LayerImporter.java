package landwatch.layer;

import java.io.InputStream;
import java.util.List;
import landwatch.spatial.io.SpatialFileReader;
import landwatch.spatial.io.SpatialImportException;

/**
 * An uploaded reference layer from bytes to verdict, as {@code SpotBatchImporter} does for spot
 * batches.
 */
public final class LayerImporter {

  private final SpatialFileReader reader;
  private final LayerValidator validator;

  public LayerImporter(SpatialFileReader reader, LayerValidator validator) {
    this.reader = reader;
    this.validator = validator;
  }

  /** Reads the upload (a zipped Shapefile or GeoJSON, detected by content); does not close it. */
  public LayerValidation importLayer(LayerClass layerClass, InputStream upload) {
    try {
      return validator.validate(layerClass, reader.read(upload));
    } catch (SpatialImportException refused) {
      return new LayerValidation(layerClass, List.of(), List.of(refused.asImportError()));
    }
  }
}
