package landwatch.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes a batch's {@link HistoryChanges} in its transaction. */
final class HistoryStore {

  private HistoryStore() {}

  static void write(Connection c, HistoryChanges history) throws SQLException {
    if (!history.sequenceFlows.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.sequence_flow VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (HistoryChanges.SequenceFlow flow : history.sequenceFlows) {
          ps.setLong(1, flow.processInstanceKey());
          ps.setString(2, flow.elementId());
          ps.setLong(3, flow.processDefinitionKey());
          ps.setString(4, flow.bpmnProcessId());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!history.subscriptions.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.message_subscription_history VALUES (?, ?, ?, ?, ?::json) "
                  + "ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, "
                  + "last_updated = EXCLUDED.last_updated")) {
        for (HistoryChanges.Subscription row : history.subscriptions.values()) {
          ps.setLong(1, row.subscription().key());
          ps.setLong(2, row.subscription().processInstanceKey());
          ps.setString(3, row.state());
          ps.setLong(4, row.lastUpdated());
          ps.setString(5, EngineJson.write(row.subscription()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!history.correlations.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.correlated_message_subscription VALUES (?, ?, ?, ?, ?::json) "
                  + "ON CONFLICT DO NOTHING")) {
        for (HistoryChanges.Correlation row : history.correlations) {
          ps.setLong(1, row.messageKey());
          ps.setLong(2, row.subscription().key());
          ps.setLong(3, row.subscription().processInstanceKey());
          ps.setLong(4, row.correlationTime());
          ps.setString(5, EngineJson.write(row.subscription()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
