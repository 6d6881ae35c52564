package landwatch.batch;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.layer.SpatialResultsLock;
import landwatch.region.RegionService;
import landwatch.spatial.ImportRejectedException;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.SpatialFileReader;
import landwatch.spot.DemolishAndRestore;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.SpatialCheckService;
import landwatch.spot.SpotStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a Ministry batch all-or-nothing: read, validate every feature, then store the spots and
 * their spatial check in one transaction, so that a 201 means every spot has its result. Imports
 * run one at a time: they are monthly, and serialising them keeps duplicate codes a validation
 * error rather than a constraint violation.
 */
@Service
public class BatchImportService {

  private final SpotBatchImporter importer;
  private final BatchStore batches;
  private final SpatialResultsLock lock;
  private final TransactionTemplate transaction;
  private final SpatialCheckService spatialCheck;
  private final AuditTrail audit;

  public BatchImportService(
      SpatialFileReader reader,
      ProvinceExtent extent,
      BatchImportProperties properties,
      RegionService regions,
      BatchStore batches,
      SpotStore spots,
      SpatialCheckService spatialCheck,
      SpatialResultsLock lock,
      TransactionTemplate transaction,
      AuditTrail audit) {
    this.importer =
        new SpotBatchImporter(
            reader,
            new SpotBatchValidator(
                properties.mapping(), extent, regions::isCountyLevel, spots::isStored));
    this.batches = batches;
    this.spatialCheck = spatialCheck;
    this.lock = lock;
    this.transaction = transaction;
    this.audit = audit;
  }

  public BatchImport importBatch(String fileName, byte[] content, String importedBy) {
    return lock.exclusively(
        () -> transaction.execute(status -> importLocked(fileName, content, importedBy)));
  }

  private BatchImport importLocked(String fileName, byte[] content, String importedBy) {
    // Taken before validation, so that a concurrent upload of the same codes (from this or
    // another instance) waits for this one and then sees its spots as already imported.
    batches.lockImports();
    BatchValidation validation = importer.importBatch(new ByteArrayInputStream(content));
    if (!validation.accepted()) {
      throw new ImportRejectedException("批次", "batch", validation.errors());
    }
    List<IssuedSpot> issued = validation.spots();
    List<SpatialCheckResult> results =
        issued.parallelStream()
            .map(
                spot ->
                    spatialCheck.check(
                        spot.geometry(),
                        spot.changeType(),
                        DemolishAndRestore.of(spot.changeType())))
            .toList();
    long batchId = batches.insertBatch(fileName, formatOf(content), importedBy, issued, results);
    BatchImport imported = new BatchImport(batchId, issued.size());
    audit.record(
        AuditEntry.done("batch.import", "batch", String.valueOf(batchId))
            .after(
                Map.of("fileName", fileName == null ? "" : fileName, "spotCount", issued.size())));
    return imported;
  }

  private static String formatOf(byte[] content) {
    return content.length > 1 && content[0] == 'P' && content[1] == 'K' ? "SHAPEFILE" : "GEOJSON";
  }
}
