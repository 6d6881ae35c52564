package landwatch.spot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import landwatch.spatial.Wkb;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Spots and their check results in PostgreSQL; the spatial-check worker's view of them too. New
 * spots are stored by the batch that issues them.
 */
@Repository
public class SpotStore implements SpotRecords {

  private static final String CURRENT_RESULT =
      "(SELECT r.result FROM spot_spatial_result r WHERE r.spot_id = s.id ORDER BY r.id DESC LIMIT 1)";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public SpotStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public Optional<SpotRecord> find(String monitoringCode) {
    return jdbc
        .query(
            "SELECT s.monitoring_code, s.geometry, s.change_type, "
                + CURRENT_RESULT
                + " AS result"
                + " FROM spot s WHERE s.monitoring_code = ?",
            (rs, row) ->
                new SpotRecord(
                    rs.getString("monitoring_code"),
                    Wkb.read(rs.getBytes("geometry")),
                    rs.getString("change_type"),
                    DemolishAndRestore.of(rs.getString("change_type")),
                    readResult(rs.getString("result"))),
            monitoringCode)
        .stream()
        .findFirst();
  }

  @Override
  public void saveSpatialResult(String monitoringCode, SpatialCheckResult result) {
    int rows =
        jdbc.update(
            "INSERT INTO spot_spatial_result (spot_id, result)"
                + " SELECT id, ?::jsonb FROM spot WHERE monitoring_code = ?",
            writeJson(result),
            monitoringCode);
    if (rows != 1) {
      throw new IllegalArgumentException("no spot with monitoring code " + monitoringCode);
    }
  }

  /** The key of the spot's spot-check instance, once the engine has started it. */
  public Optional<Long> processInstanceKey(String monitoringCode) {
    return jdbc
        .query(
            "SELECT p.process_instance_key FROM spot_progress p JOIN spot s ON s.id = p.spot_id"
                + " WHERE s.monitoring_code = ? AND p.process_instance_key IS NOT NULL",
            (rs, row) -> rs.getLong(1),
            monitoringCode)
        .stream()
        .findFirst();
  }

  /**
   * The media type of a document attached to the spot's work, as its reference recorded it when it
   * was attached (recognised by content then); empty when no step of the spot names the document.
   */
  public Optional<String> documentType(String monitoringCode, String documentId) {
    return jdbc
        .query(
            "SELECT r -> 'metadata' ->> 'contentType' FROM spot_event e JOIN spot s ON s.id ="
                + " e.spot_id, jsonb_path_query(e.detail, '$.** ? (@.documentId == $id &&"
                + " exists(@.metadata.contentType))', jsonb_build_object('id', ?::text)) r"
                + " WHERE s.monitoring_code = ? LIMIT 1",
            (rs, row) -> rs.getString(1),
            documentId,
            monitoringCode)
        .stream()
        .findFirst();
  }

  public Optional<SpotDetails> details(String monitoringCode) {
    return jdbc
        .query(
            "SELECT monitoring_code, batch_id, feature_index, region_code, change_type, reported_area_mu,"
                + " area_mu, imagery_before, imagery_after, attributes, repairs FROM spot WHERE monitoring_code = ?",
            (rs, row) ->
                new SpotDetails(
                    rs.getString("monitoring_code"),
                    rs.getLong("batch_id"),
                    rs.getInt("feature_index"),
                    rs.getString("region_code"),
                    rs.getString("change_type"),
                    rs.getBigDecimal("reported_area_mu"),
                    rs.getBigDecimal("area_mu"),
                    rs.getObject("imagery_before", LocalDate.class),
                    rs.getObject("imagery_after", LocalDate.class),
                    readTree(rs.getString("attributes")),
                    readTree(rs.getString("repairs"))),
            monitoringCode)
        .stream()
        .findFirst();
  }

  public Optional<SpatialCheckResult> currentResult(String monitoringCode) {
    return jdbc
        .query(
            "SELECT " + CURRENT_RESULT + " AS result FROM spot s WHERE s.monitoring_code = ?",
            (rs, row) -> Optional.ofNullable(readResult(rs.getString("result"))),
            monitoringCode)
        .stream()
        .findFirst()
        .flatMap(result -> result);
  }

  public boolean isStored(String monitoringCode) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM spot WHERE monitoring_code = ?)",
            Boolean.class,
            monitoringCode));
  }

  /** Every spot's code, for recomputation after a layer change. */
  public List<String> allMonitoringCodes() {
    return jdbc.queryForList("SELECT monitoring_code FROM spot ORDER BY id", String.class);
  }

  private SpatialCheckResult readResult(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readValue(value, SpatialCheckResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored spatial result is unreadable", e);
    }
  }

  private JsonNode readTree(String value) {
    try {
      return json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }

  private String writeJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
