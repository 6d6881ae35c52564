package landwatch.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Deletes ended root process instances, with the instances they called, from the history tables.
 * Their rows are no part of the engine's hot state (only live element instances, active incidents
 * and the variables of live scopes are loaded), and the writer never writes an ended instance
 * again, so they are deleted beside the writer, a chunk of root instances per transaction.
 */
final class HistoryRetention {

  /**
   * The history tables, each with a {@code process_instance_key} column: every row of an instance
   * goes with it. A table of another per-instance concern is one more line.
   */
  static final List<String> PER_PROCESS_INSTANCE_TABLES =
      List.of(
          "element_instance",
          "variable",
          "incident",
          "user_task",
          "decision_instance",
          "sequence_flow",
          "message_subscription_history",
          "correlated_message_subscription");

  private static final String ENDED_ROOTS =
      """
      SELECT key, end_date FROM engine.element_instance
      WHERE element_type = 'PROCESS' AND parent_process_instance_key = -1 AND end_date IS NOT NULL
        AND end_date < ? AND (end_date, key) > (?, ?)
      ORDER BY end_date, key LIMIT ?
      """;

  /** Each root with itself and every instance below it (call activities' instances). */
  private static final String TREES =
      """
      WITH RECURSIVE tree(root, key) AS (
        SELECT k, k FROM unnest(?::bigint[]) AS k
        UNION ALL
        SELECT tree.root, e.key FROM engine.element_instance e JOIN tree
          ON e.parent_process_instance_key = tree.key
        WHERE e.element_type = 'PROCESS' AND e.parent_process_instance_key <> -1)
      SELECT root, key FROM tree
      """;

  /** Roots whose tree still has a live element: never deleted (cannot happen, yet checked). */
  private static final String LIVE =
      """
      SELECT DISTINCT process_instance_key FROM engine.element_instance
      WHERE process_instance_key = ANY(?) AND state NOT IN ('COMPLETED', 'TERMINATED')
      """;

  private final DataSource dataSource;

  HistoryRetention(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Deletes the root instances that ended before the cut-off; returns how many went. */
  long expire(long cutoff, int chunkSize) throws SQLException {
    long deleted = 0;
    long afterEnd = Long.MIN_VALUE;
    long afterKey = Long.MIN_VALUE;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        while (true) {
          List<Long> roots = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(ENDED_ROOTS)) {
            ps.setLong(1, cutoff);
            ps.setLong(2, afterEnd);
            ps.setLong(3, afterKey);
            ps.setInt(4, chunkSize);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                roots.add(rs.getLong(1));
                afterKey = rs.getLong(1);
                afterEnd = rs.getLong(2);
              }
            }
          }
          if (roots.isEmpty()) {
            c.commit();
            return deleted;
          }
          deleted += delete(c, roots);
          c.commit();
          if (roots.size() < chunkSize) {
            return deleted;
          }
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static int delete(Connection c, List<Long> roots) throws SQLException {
    List<long[]> tree = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TREES)) {
      ps.setArray(1, c.createArrayOf("bigint", roots.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tree.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
    }
    Set<Long> liveInstances = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(LIVE)) {
      ps.setArray(1, c.createArrayOf("bigint", tree.stream().map(t -> t[1]).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          liveInstances.add(rs.getLong(1));
        }
      }
    }
    Set<Long> kept = new HashSet<>();
    tree.stream().filter(t -> liveInstances.contains(t[1])).forEach(t -> kept.add(t[0]));
    Object[] instances = tree.stream().filter(t -> !kept.contains(t[0])).map(t -> t[1]).toArray();
    for (String table : PER_PROCESS_INSTANCE_TABLES) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM engine." + table + " WHERE process_instance_key = ANY(?)")) {
        ps.setArray(1, c.createArrayOf("bigint", instances));
        ps.executeUpdate();
      }
    }
    return roots.size() - kept.size();
  }
}
