package landwatch.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import landwatch.deadline.DueDates;
import landwatch.review.SamplingSeed;
import landwatch.spatial.AreaMu;
import landwatch.spatial.EllipsoidalArea;
import landwatch.spatial.Wkb;
import landwatch.spot.SpatialCheckResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Batches in PostgreSQL, with the spots each one issues and their first spatial check. */
@Repository
public class BatchStore {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public BatchStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Serialises batch imports across application instances until the transaction ends. */
  public void lockImports() {
    jdbc.queryForObject(
        "SELECT pg_advisory_xact_lock(hashtext('landwatch.batch-import'))::text", String.class);
  }

  /**
   * Stores a validated batch with the spatial check of each spot ({@code results} in spot order).
   */
  public long insertBatch(
      String fileName,
      String format,
      String importedBy,
      List<IssuedSpot> spots,
      List<SpatialCheckResult> results,
      DueDates due,
      SamplingSeed seed) {
    Long batchId =
        jdbc.queryForObject(
            "INSERT INTO batch (file_name, format, spot_count, imported_by, issued_month,"
                + " county_due, province_due, sampling_seed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            Long.class,
            fileName,
            format,
            spots.size(),
            importedBy,
            Date.valueOf(due.issued().atDay(1)),
            Date.valueOf(due.county().lastDay()),
            Date.valueOf(due.province().lastDay()),
            seed.hex());
    List<Object[]> rows = new ArrayList<>(spots.size());
    for (IssuedSpot spot : spots) {
      rows.add(
          new Object[] {
            batchId,
            spot.index(),
            spot.monitoringCode(),
            spot.regionCode(),
            spot.changeType(),
            spot.reportedArea(),
            spot.imageryBefore() == null ? null : Date.valueOf(spot.imageryBefore()),
            spot.imageryAfter() == null ? null : Date.valueOf(spot.imageryAfter()),
            AreaMu.fromSquareMetres(EllipsoidalArea.squareMetres(spot.geometry())),
            Wkb.write(spot.geometry()),
            writeJson(spot.attributes()),
            writeJson(spot.repairs())
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO spot (batch_id, feature_index, monitoring_code, region_code, change_type,"
            + " reported_area_mu, imagery_before, imagery_after, area_mu, geometry, attributes, repairs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
        rows);
    List<Object[]> resultRows = new ArrayList<>(spots.size());
    for (int i = 0; i < spots.size(); i++) {
      resultRows.add(new Object[] {writeJson(results.get(i)), batchId, spots.get(i).index()});
    }
    jdbc.batchUpdate(
        "INSERT INTO spot_spatial_result (spot_id, result)"
            + " SELECT id, ?::jsonb FROM spot WHERE batch_id = ? AND feature_index = ?",
        resultRows);
    // Every spot starts the month issued, with the batch's due dates (an extension moves a spot's).
    jdbc.update(
        "INSERT INTO spot_progress (spot_id, state, county_due, province_due)"
            + " SELECT id, 'ISSUED', ?, ? FROM spot WHERE batch_id = ?",
        Date.valueOf(due.county().lastDay()),
        Date.valueOf(due.province().lastDay()),
        batchId);
    return batchId;
  }

  private String writeJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
