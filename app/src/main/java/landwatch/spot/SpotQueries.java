package landwatch.spot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads spots with their lifecycle for the tasklist and the cockpit. */
@Repository
class SpotQueries {

  private static final String LIST_COLUMNS =
      "SELECT s.monitoring_code, s.batch_id, s.region_code, s.change_type, s.area_mu,"
          + " p.state, p.county_due, p.province_due, p.county_overdue, p.province_overdue,"
          + " p.late, p.mandatory_review, p.sampled, p.final_judgment, p.final_basis,"
          + " p.reported_at";

  private static final String LIST_ORDER = " ORDER BY s.batch_id DESC, s.feature_index";

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  SpotQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * @param regions the caller's jurisdiction (empty: the province), already narrowed by the {@code
   *     region} filter
   */
  SpotListPage list(SpotFilter filter, Optional<List<String>> regions, int page, int size) {
    Selection selection = select(filter, regions);
    Long total =
        jdbc.queryForObject(
            "SELECT count(*)" + selection.from(), selection.parameters(), Long.class);
    selection.parameters().addValue("limit", size).addValue("offset", (long) page * size);
    List<SpotListItem> items =
        jdbc.query(
            LIST_COLUMNS + selection.from() + LIST_ORDER + " LIMIT :limit OFFSET :offset",
            selection.parameters(),
            (rs, row) -> listItem(rs));
    return new SpotListPage(items, total == null ? 0 : total, page, size);
  }

  /** Every spot the list would show, page after page, in its order. */
  void forEach(SpotFilter filter, Optional<List<String>> regions, Consumer<SpotListItem> each) {
    Selection selection = select(filter, regions);
    jdbc.query(
        LIST_COLUMNS + selection.from() + LIST_ORDER,
        selection.parameters(),
        (RowCallbackHandler) rs -> each.accept(listItem(rs)));
  }

  /** A spot as the spots map draws it. */
  record MapSpot(String monitoringCode, SpotState state, boolean overdue, byte[] geometry) {}

  /** The selected spots' outlines, at most {@code limit}, in the list's order. */
  void forEachOutline(
      SpotFilter filter, Optional<List<String>> regions, int limit, Consumer<MapSpot> each) {
    Selection selection = select(filter, regions);
    selection.parameters().addValue("limit", limit);
    jdbc.query(
        "SELECT s.monitoring_code, p.state, p.county_overdue OR p.province_overdue AS overdue,"
            + " s.geometry"
            + selection.from()
            + LIST_ORDER
            + " LIMIT :limit",
        selection.parameters(),
        (RowCallbackHandler)
            rs ->
                each.accept(
                    new MapSpot(
                        rs.getString("monitoring_code"),
                        SpotState.valueOf(rs.getString("state")),
                        rs.getBoolean("overdue"),
                        rs.getBytes("geometry"))));
  }

  private record Selection(String from, MapSqlParameterSource parameters) {}

  private static Selection select(SpotFilter filter, Optional<List<String>> regions) {
    List<String> where = new ArrayList<>();
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    regions.ifPresent(
        codes -> {
          where.add("s.region_code IN (:regions)");
          parameters.addValue("regions", codes.isEmpty() ? List.of("") : codes);
        });
    if (filter.batch() != null) {
      where.add("s.batch_id = :batch");
      parameters.addValue("batch", filter.batch());
    }
    if (filter.state() != null) {
      where.add("p.state = :state");
      parameters.addValue("state", filter.state().name());
    }
    if (filter.judgment() != null) {
      where.add("p.final_judgment = :judgment");
      parameters.addValue("judgment", filter.judgment().name());
    }
    if (filter.overdue() != null) {
      where.add("(p.county_overdue OR p.province_overdue) = :overdue");
      parameters.addValue("overdue", filter.overdue());
    }
    if (filter.mandatoryReview() != null) {
      where.add("p.mandatory_review = :mandatory");
      parameters.addValue("mandatory", filter.mandatoryReview());
    }
    if (filter.sampled() != null) {
      where.add("p.sampled = :sampled");
      parameters.addValue("sampled", filter.sampled());
    }
    return new Selection(
        " FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)),
        parameters);
  }

  private static SpotListItem listItem(ResultSet rs) throws SQLException {
    return new SpotListItem(
        rs.getString("monitoring_code"),
        rs.getLong("batch_id"),
        rs.getString("region_code"),
        rs.getString("change_type"),
        rs.getBigDecimal("area_mu"),
        SpotState.valueOf(rs.getString("state")),
        rs.getObject("county_due", LocalDate.class),
        rs.getObject("province_due", LocalDate.class),
        rs.getBoolean("county_overdue") || rs.getBoolean("province_overdue"),
        rs.getBoolean("late"),
        rs.getBoolean("mandatory_review"),
        rs.getBoolean("sampled"),
        rs.getString("final_judgment"),
        rs.getString("final_basis"),
        rs.getObject("reported_at", OffsetDateTime.class));
  }

  /** The spot's progress row, every judgment and every event, oldest first. */
  SpotLifecycleView lifecycle(String monitoringCode) {
    MapSqlParameterSource code = new MapSqlParameterSource("code", monitoringCode);
    Map<String, Object> progress =
        jdbc
            .queryForList(
                "SELECT p.* FROM spot_progress p JOIN spot s ON s.id = p.spot_id"
                    + " WHERE s.monitoring_code = :code",
                code)
            .stream()
            .findFirst()
            .orElse(Map.of());
    List<SpotLifecycleView.Judged> judgments =
        jdbc.query(
            "SELECT j.basis, j.judgment, j.category, j.judged_by, j.judged_at, j.late, j.detail"
                + " FROM spot_judgment j JOIN spot s ON s.id = j.spot_id"
                + " WHERE s.monitoring_code = :code ORDER BY j.id",
            code,
            (rs, row) ->
                new SpotLifecycleView.Judged(
                    rs.getString("basis"),
                    rs.getString("judgment"),
                    rs.getString("category"),
                    rs.getString("judged_by"),
                    rs.getObject("judged_at", OffsetDateTime.class),
                    rs.getBoolean("late"),
                    read(rs.getString("detail"))));
    List<SpotLifecycleView.Step> history =
        jdbc.query(
            "SELECT e.step, e.occurred_at, e.actor, e.detail FROM spot_event e"
                + " JOIN spot s ON s.id = e.spot_id WHERE s.monitoring_code = :code ORDER BY e.id",
            code,
            (rs, row) ->
                new SpotLifecycleView.Step(
                    rs.getString("step"),
                    rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("actor"),
                    read(rs.getString("detail"))));
    return SpotLifecycleView.of(progress, judgments, history, this::read);
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable lifecycle record", e);
    }
  }
}
