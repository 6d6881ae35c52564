package landwatch.engine.state;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/** Writes a batch's {@link HistoryChanges} in its transaction. */
final class HistoryStore {

  private HistoryStore() {}

  /** The statements of the batch's history, their values captured now. */
  static PreparedWrite.Step prepare(HistoryChanges history) {
    List<PreparedWrite.Step> steps = new ArrayList<>(3);
    if (!history.sequenceFlows.isEmpty()) {
      steps.add(sequenceFlows(history));
    }
    if (!history.subscriptions.isEmpty()) {
      steps.add(subscriptions(history));
    }
    if (!history.correlations.isEmpty()) {
      steps.add(correlations(history));
    }
    return c -> {
      for (PreparedWrite.Step step : steps) {
        step.run(c);
      }
    };
  }

  private static PreparedWrite.Step sequenceFlows(HistoryChanges history) {
    int n = history.sequenceFlows.size();
    Long[] instances = new Long[n], definitions = new Long[n];
    String[] elements = new String[n], processes = new String[n];
    int i = 0;
    for (HistoryChanges.SequenceFlow flow : history.sequenceFlows) {
      instances[i] = flow.processInstanceKey();
      elements[i] = flow.elementId();
      definitions[i] = flow.processDefinitionKey();
      processes[i] = flow.bpmnProcessId();
      i++;
    }
    return new ColumnArrays(
            "INSERT INTO engine.sequence_flow SELECT * FROM "
                + "unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) ON CONFLICT DO NOTHING")
        .bigints(instances)
        .texts(elements)
        .bigints(definitions)
        .texts(processes);
  }

  private static PreparedWrite.Step subscriptions(HistoryChanges history) {
    int n = history.subscriptions.size();
    Long[] keys = new Long[n], instances = new Long[n], updated = new Long[n];
    String[] states = new String[n], data = new String[n];
    int i = 0;
    for (HistoryChanges.Subscription row : history.subscriptions.values()) {
      keys[i] = row.subscription().key();
      instances[i] = row.subscription().processInstanceKey();
      states[i] = row.state();
      updated[i] = row.lastUpdated();
      data[i] = EngineJson.write(row.subscription());
      i++;
    }
    return new ColumnArrays(
            "INSERT INTO engine.message_subscription_history SELECT k, pik, s, u, d::json FROM "
                + "unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[]) "
                + "AS r(k, pik, s, u, d) "
                + "ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, "
                + "last_updated = EXCLUDED.last_updated")
        .bigints(keys)
        .bigints(instances)
        .texts(states)
        .bigints(updated)
        .texts(data);
  }

  private static PreparedWrite.Step correlations(HistoryChanges history) {
    record Row(
        long messageKey, long subscriptionKey, long processInstanceKey, long time, String data) {}
    List<Row> rows = new ArrayList<>(history.correlations.size());
    for (HistoryChanges.Correlation row : history.correlations) {
      rows.add(
          new Row(
              row.messageKey(),
              row.subscription().key(),
              row.subscription().processInstanceKey(),
              row.correlationTime(),
              EngineJson.write(row.subscription())));
    }
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.correlated_message_subscription VALUES (?, ?, ?, ?, ?::json) "
                  + "ON CONFLICT DO NOTHING")) {
        for (Row row : rows) {
          ps.setLong(1, row.messageKey());
          ps.setLong(2, row.subscriptionKey());
          ps.setLong(3, row.processInstanceKey());
          ps.setLong(4, row.time());
          ps.setString(5, row.data());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }
}
