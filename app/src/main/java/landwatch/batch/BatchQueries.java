package landwatch.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.deadline.Deadline;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads batches narrowed to a jurisdiction: {@code regions} empty means the whole province, else
 * only spots of those region codes count, and a batch without any is not there.
 */
@Repository
class BatchQueries {

  private final NamedParameterJdbcTemplate jdbc;

  BatchQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<BatchSummary> summaries(Optional<List<String>> regions, int page, int size) {
    MapSqlParameterSource parameters =
        parameters(regions).addValue("limit", size).addValue("offset", (long) page * size);
    List<Long> ids =
        jdbc.queryForList(
            "SELECT b.id FROM batch b"
                + (regions.isPresent()
                    ? " WHERE EXISTS (SELECT 1 FROM spot s WHERE s.batch_id = b.id"
                        + " AND s.region_code IN (:regions))"
                    : "")
                + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset",
            parameters,
            Long.class);
    return ids.isEmpty() ? List.of() : load(ids, regions);
  }

  Optional<BatchSummary> summary(long id, Optional<List<String>> regions) {
    return load(List.of(id), regions).stream()
        .filter(batch -> batch.spotCount() > 0 || regions.isEmpty())
        .findFirst();
  }

  List<BatchSpot> spots(long batchId, Optional<List<String>> regions, int page, int size) {
    MapSqlParameterSource parameters =
        parameters(regions)
            .addValue("batch", batchId)
            .addValue("limit", size)
            .addValue("offset", (long) page * size);
    return jdbc.query(
        "SELECT monitoring_code, region_code, change_type, area_mu, imagery_after FROM spot"
            + " WHERE batch_id = :batch"
            + (regions.isPresent() ? " AND region_code IN (:regions)" : "")
            + " ORDER BY feature_index LIMIT :limit OFFSET :offset",
        parameters,
        (rs, row) ->
            new BatchSpot(
                rs.getString("monitoring_code"),
                rs.getString("region_code"),
                rs.getString("change_type"),
                rs.getBigDecimal("area_mu"),
                rs.getObject("imagery_after", LocalDate.class)));
  }

  /**
   * Per county of the batch (within the jurisdiction): how far its spots are. A spot counts once in
   * each stage it has passed (verified, reported …) and once in the stage it is in (under review,
   * returned …), so the figures of a county add up against its issued count.
   */
  List<CountyProgress> progress(
      long batchId, Optional<List<String>> regions, Instant now, ZoneId zone) {
    return jdbc.query(
        "SELECT s.region_code, count(*) AS issued,"
            + " count(*) FILTER (WHERE p.verified_at IS NOT NULL) AS verified,"
            + " count(*) FILTER (WHERE p.reported_at IS NOT NULL) AS reported,"
            + " count(*) FILTER (WHERE p.state IN ('CITY_REVIEW', 'PROVINCE_REVIEW')) AS under_review,"
            + " count(*) FILTER (WHERE p.state = 'CORRECTION') AS returned,"
            + " count(*) FILTER (WHERE p.state = 'DIRECT_JUDGMENT') AS awaiting_direct_judgment,"
            + " count(*) FILTER (WHERE p.corrected_count > 0) AS corrected,"
            + " count(*) FILTER (WHERE p.directly_judged) AS directly_judged,"
            + " count(*) FILTER (WHERE p.state = 'CONCLUDED') AS concluded,"
            + " count(*) FILTER (WHERE p.reported_at IS NULL AND (p.county_overdue OR p.province_overdue)) AS overdue,"
            + " count(*) FILTER (WHERE p.late) AS late,"
            + " count(*) FILTER (WHERE p.county_error) AS county_errors,"
            + " count(*) FILTER (WHERE j.judgment = 'LEGAL') AS legal,"
            + " count(*) FILTER (WHERE j.judgment = 'ILLEGAL') AS illegal,"
            + " count(*) FILTER (WHERE j.judgment = 'OTHER') AS other,"
            + " min(p.county_due) AS county_due, min(p.province_due) AS province_due"
            + " FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
            // the judgment standing now: the county's, its correction, or a direct judgment
            + " LEFT JOIN LATERAL (SELECT judgment FROM spot_judgment sj WHERE sj.spot_id = s.id"
            + " ORDER BY sj.id DESC LIMIT 1) j ON true WHERE s.batch_id = :batch"
            + (regions.isPresent() ? " AND s.region_code IN (:regions)" : "")
            + " GROUP BY s.region_code ORDER BY s.region_code",
        parameters(regions).addValue("batch", batchId),
        (rs, row) -> {
          Deadline county = new Deadline(rs.getObject("county_due", LocalDate.class), zone);
          Deadline province = new Deadline(rs.getObject("province_due", LocalDate.class), zone);
          return new CountyProgress(
              rs.getString("region_code"),
              rs.getInt("issued"),
              rs.getInt("verified"),
              rs.getInt("reported"),
              rs.getInt("under_review"),
              rs.getInt("returned"),
              rs.getInt("awaiting_direct_judgment"),
              rs.getInt("corrected"),
              rs.getInt("directly_judged"),
              rs.getInt("concluded"),
              rs.getInt("overdue"),
              rs.getInt("late"),
              rs.getInt("county_errors"),
              rs.getInt("legal"),
              rs.getInt("illegal"),
              rs.getInt("other"),
              county.lastDay(),
              province.lastDay(),
              county.daysLeft(now),
              province.daysLeft(now));
        });
  }

  private List<BatchSummary> load(List<Long> ids, Optional<List<String>> regions) {
    Map<Long, BatchSummary> batches = new LinkedHashMap<>();
    jdbc.query(
        "SELECT b.id, b.file_name, b.format, b.imported_at, b.imported_by, b.issued_month,"
            + " b.county_due, b.province_due, s.region_code,"
            + " count(s.id) AS spots FROM batch b LEFT JOIN spot s ON s.batch_id = b.id"
            + (regions.isPresent() ? " AND s.region_code IN (:regions)" : "")
            + " WHERE b.id IN (:ids) GROUP BY b.id, s.region_code ORDER BY b.id DESC, s.region_code",
        parameters(regions).addValue("ids", ids),
        rs -> {
          long id = rs.getLong("id");
          BatchSummary known = batches.get(id);
          Map<String, Integer> byRegion =
              known == null ? new LinkedHashMap<>() : known.spotsByRegion();
          String region = rs.getString("region_code");
          int spots = rs.getInt("spots");
          if (region != null) {
            byRegion.put(region, spots);
          }
          batches.put(
              id,
              new BatchSummary(
                  id,
                  rs.getString("file_name"),
                  rs.getString("format"),
                  rs.getObject("imported_at", OffsetDateTime.class),
                  rs.getString("imported_by"),
                  (known == null ? 0 : known.spotCount()) + (region == null ? 0 : spots),
                  byRegion,
                  Optional.ofNullable(rs.getObject("issued_month", LocalDate.class))
                      .map(YearMonth::from)
                      .orElse(null),
                  rs.getObject("county_due", LocalDate.class),
                  rs.getObject("province_due", LocalDate.class)));
        });
    return List.copyOf(batches.values());
  }

  private static MapSqlParameterSource parameters(Optional<List<String>> regions) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    regions.ifPresent(codes -> parameters.addValue("regions", codes));
    return parameters;
  }
}
