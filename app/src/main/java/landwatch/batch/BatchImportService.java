package landwatch.batch;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.deadline.DueDates;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.layer.SpatialResultsLock;
import landwatch.region.RegionService;
import landwatch.review.SamplingSeed;
import landwatch.spatial.ImportProgress;
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
  private final MonthlyDeadlines deadlines;
  private final SpotInstances instances;

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
      AuditTrail audit,
      MonthlyDeadlines deadlines,
      SpotInstances instances) {
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
    this.deadlines = deadlines;
    this.instances = instances;
  }

  /**
   * @param month the month the Ministry issued the batch in; null for the current month in the
   *     deadline zone
   */
  public BatchImport importBatch(
      String fileName,
      byte[] content,
      String importedBy,
      YearMonth month,
      ImportProgress.Tracker progress) {
    YearMonth issuedMonth = month != null ? month : YearMonth.now(deadlines.zone());
    BatchImport imported =
        lock.exclusively(
            () ->
                transaction.execute(
                    status -> importLocked(fileName, content, importedBy, issuedMonth, progress)));
    // After the commit: the spots exist whatever happens to their instances, which start later
    // (or at the next start) from what is stored.
    instances.startPending();
    return imported;
  }

  private BatchImport importLocked(
      String fileName,
      byte[] content,
      String importedBy,
      YearMonth month,
      ImportProgress.Tracker progress) {
    // Taken before validation, so that a concurrent upload of the same codes (from this or
    // another instance) waits for this one and then sees its spots as already imported.
    batches.lockImports();
    BatchValidation validation = importer.importBatch(new ByteArrayInputStream(content));
    if (!validation.accepted()) {
      throw new ImportRejectedException("批次", "batch", validation.errors());
    }
    List<IssuedSpot> issued = validation.spots();
    progress.phase(ImportProgress.Phase.CHECKING, issued.size());
    List<SpatialCheckResult> results =
        issued.parallelStream()
            .map(
                spot -> {
                  SpatialCheckResult result =
                      spatialCheck.check(
                          spot.geometry(),
                          spot.changeType(),
                          DemolishAndRestore.of(spot.changeType()));
                  progress.advance();
                  return result;
                })
            .toList();
    progress.phase(ImportProgress.Phase.STORING);
    DueDates due = deadlines.forMonth(month);
    // Drawn once, at issue, and kept: the sample can then be re-derived but never re-drawn.
    SamplingSeed seed = SamplingSeed.generate();
    long batchId =
        batches.insertBatch(fileName, formatOf(content), importedBy, issued, results, due, seed);
    BatchImport imported =
        new BatchImport(
            batchId,
            issued.size(),
            month,
            due.county().lastDay(),
            due.province().lastDay(),
            seed.id());
    audit.record(
        AuditEntry.done("batch.import", "batch", String.valueOf(batchId))
            .after(
                Map.of(
                    "fileName", fileName == null ? "" : fileName,
                    "spotCount", issued.size(),
                    "issuedMonth", month.toString(),
                    "countyDue", due.county().lastDay().toString(),
                    "provinceDue", due.province().lastDay().toString(),
                    "samplingSeedId", seed.id())));
    return imported;
  }

  private static String formatOf(byte[] content) {
    return content.length > 1 && content[0] == 'P' && content[1] == 'K' ? "SHAPEFILE" : "GEOJSON";
  }
}
