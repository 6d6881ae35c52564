package landwatch.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import landwatch.engine.model.ExecutableProcess;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code name}, {@code version_tag} and {@code start_events} of the process versions stored
 * before V3, from their (now single) stored resource: one resource read and parsed at a time, so
 * the migration needs the memory of one model, not of all. Registered by {@code EngineSchema}.
 */
public final class V4__Process_definition_metadata extends BaseJavaMigration {

  private final BiFunction<String, byte[], List<ExecutableProcess>> transform;

  /** {@code transform}: a stored BPMN resource (name, content) to its executable processes. */
  public V4__Process_definition_metadata(
      BiFunction<String, byte[], List<ExecutableProcess>> transform) {
    this.transform = transform;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    List<Long> resources = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT resource_key FROM engine.process_definition WHERE start_events IS NULL")) {
      while (rs.next()) {
        resources.add(rs.getLong(1));
      }
    }
    for (long resourceKey : resources) {
      String name;
      byte[] content;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT resource_name, resource FROM engine.resource WHERE key = ?")) {
        ps.setLong(1, resourceKey);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          name = rs.getString(1);
          content = rs.getBytes(2);
        }
      }
      List<ExecutableProcess> processes = transform.apply(name, content);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE engine.process_definition SET name = ?, version_tag = ?, "
                  + "start_events = ?::json WHERE resource_key = ? AND bpmn_process_id = ?")) {
        for (ExecutableProcess process : processes) {
          ps.setString(1, process.root.name);
          ps.setString(2, process.versionTag);
          ps.setString(3, StateStore.startEventsJson(DeployedProcess.startEventsOf(process)));
          ps.setLong(4, resourceKey);
          ps.setString(5, process.bpmnProcessId);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, bpmn_process_id FROM engine.process_definition WHERE start_events IS NULL LIMIT 1")) {
        if (rs.next()) {
          throw new IllegalStateException(
              "Process definition "
                  + rs.getLong(1)
                  + " ("
                  + rs.getString(2)
                  + ") is not in its stored resource");
        }
      }
      s.execute("ALTER TABLE engine.process_definition ALTER COLUMN start_events SET NOT NULL");
    }
  }
}
