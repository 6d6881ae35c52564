package landwatch.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each task is about — a spot, or a county's extension application — from the application's
 * own records, one query per page of tasks.
 */
@Component
class TaskSubjects {

  /**
   * A spot ({@code spotCode}, {@code batchId}) or an extension application ({@code extensionId}).
   */
  record Subject(String spotCode, Long extensionId, String regionCode, Long batchId) {}

  private final JdbcTemplate jdbc;

  TaskSubjects(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<Long, Subject> byInstance(Collection<Long> processInstanceKeys) {
    Map<Long, Subject> subjects = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return subjects;
    }
    Long[] keys = processInstanceKeys.toArray(Long[]::new);
    jdbc.query(
        "SELECT p.process_instance_key, s.monitoring_code, NULL::bigint, s.region_code, s.batch_id"
            + " FROM spot_progress p JOIN spot s ON s.id = p.spot_id"
            + " WHERE p.process_instance_key = ANY(?)"
            + " UNION ALL SELECT process_instance_key, NULL, id, county_code, NULL"
            + " FROM extension_application WHERE process_instance_key = ANY(?)",
        rs -> {
          subjects.put(
              rs.getLong(1),
              new Subject(
                  rs.getString(2),
                  rs.getObject(3, Long.class),
                  rs.getString(4),
                  rs.getObject(5, Long.class)));
        },
        keys,
        keys);
    return subjects;
  }
}
