package landwatch.batch;

import java.io.InputStream;
import java.util.List;
import landwatch.spatial.io.SpatialFileReader;
import landwatch.spatial.io.SpatialImportException;

/**
 * An uploaded spot batch from bytes to verdict: read, then validated. A file refused as a whole
 * comes back as a rejected batch with one report entry (index -1), so that the caller answers every
 * rejection the same way.
 */
public final class SpotBatchImporter {

  private final SpatialFileReader reader;
  private final SpotBatchValidator validator;

  public SpotBatchImporter(SpatialFileReader reader, SpotBatchValidator validator) {
    this.reader = reader;
    this.validator = validator;
  }

  /** Reads the upload (a zipped Shapefile or GeoJSON, detected by content); does not close it. */
  public BatchValidation importBatch(InputStream upload) {
    try {
      return validator.validate(reader.read(upload));
    } catch (SpatialImportException refused) {
      return new BatchValidation(List.of(), List.of(refused.asImportError()));
    }
  }
}
