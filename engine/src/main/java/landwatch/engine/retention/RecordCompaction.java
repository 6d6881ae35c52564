package landwatch.engine.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Deletes the head of {@code engine.record}: the records before the first one written at or after
 * the cut-off. State is loaded from the state tables, never replayed from the log, so no record is
 * needed to rebuild it; the log is kept for audit and diagnosis only.
 *
 * <p>Each statement deletes at most one chunk of positions from the head (found through the primary
 * key, no other index), in its own short transaction: the writer appends at the tail meanwhile, and
 * the two never touch the same rows. Only the head goes, so a record written while the engine's
 * clock was pinned into the past (in tests) does not take out the records around it.
 */
final class RecordCompaction {

  private static final String DELETE_HEAD =
      """
      WITH head AS (SELECT position, timestamp FROM engine.record ORDER BY position LIMIT ?),
           kept AS (SELECT min(position) AS position FROM head WHERE timestamp >= ?)
      DELETE FROM engine.record r USING head
      WHERE r.position = head.position
        AND head.position < coalesce((SELECT position FROM kept), 9223372036854775807)
      """;

  private final DataSource dataSource;

  RecordCompaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Deletes the records before the cut-off, chunk by chunk; returns how many went. */
  long compact(long cutoff, int chunkSize) throws SQLException {
    long deleted = 0;
    int chunk;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(DELETE_HEAD)) {
      c.setAutoCommit(true);
      do {
        ps.setInt(1, chunkSize);
        ps.setLong(2, cutoff);
        chunk = ps.executeUpdate();
        deleted += chunk;
      } while (chunk == chunkSize);
    }
    return deleted;
  }
}
