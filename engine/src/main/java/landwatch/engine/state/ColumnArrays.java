package landwatch.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement writing many rows in one round trip: each column is bound as one array, in the
 * order of the statement's parameters, which its SQL {@code unnest}s into rows. A batch of single
 * rows costs the database a statement per row; this costs it one.
 */
final class ColumnArrays implements PreparedWrite.Step {

  private final String sql;
  private final List<String> types = new ArrayList<>();
  private final List<Object[]> columns = new ArrayList<>();

  ColumnArrays(String sql) {
    this.sql = sql;
  }

  ColumnArrays bigints(Long[] column) {
    return add("bigint", column);
  }

  ColumnArrays integers(Integer[] column) {
    return add("integer", column);
  }

  ColumnArrays texts(String[] column) {
    return add("text", column);
  }

  private ColumnArrays add(String type, Object[] column) {
    types.add(type);
    columns.add(column);
    return this;
  }

  @Override
  public void run(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        ps.setArray(i + 1, c.createArrayOf(types.get(i), columns.get(i)));
      }
      ps.executeUpdate();
    }
  }
}
