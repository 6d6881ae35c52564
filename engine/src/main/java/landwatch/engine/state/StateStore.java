package landwatch.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import landwatch.engine.record.Record;
import landwatch.engine.state.StateChanges.Table;
import landwatch.engine.state.StateChanges.TableChanges;
import landwatch.engine.state.StateChanges.VariableRow;

/**
 * Writes a batch (records and state changes) inside the caller's transaction, one statement per
 * table whatever the batch size ({@link #prepare}), and loads the state back on start.
 */
public final class StateStore {

  private static final int PARTITION_ID = 1;

  /** Where the writer resumes after loading. */
  public record Loaded(EngineState state, long lastKey, long lastPosition) {}

  /**
   * What a batch writes, taken from the hot state at the end of the batch: every value is captured
   * (rows as their JSON) when this returns, so the writer may go on changing the state while the
   * statements run on another thread. The state's pending changes are left for the caller to clear
   * ({@link EngineState#changesTaken()}).
   */
  public PreparedWrite prepare(
      List<Record> records, EngineState state, long lastKey, long lastPosition) {
    StateChanges changes = state.changes();
    List<PreparedWrite.Step> steps = new ArrayList<>();
    if (changes.purged) {
      steps.add(StateStore::purge);
    }
    if (!records.isEmpty()) {
      steps.add(records(records));
    }
    for (Map.Entry<Table, TableChanges> table : changes.tables()) {
      if (!table.getValue().deletes().isEmpty()) {
        Long[] keys = table.getValue().deletes().toArray(new Long[0]);
        String sql = "DELETE FROM engine." + tableName(table.getKey()) + " WHERE key = ANY(?)";
        steps.add(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("bigint", keys));
                ps.executeUpdate();
              }
            });
      }
    }
    for (Map.Entry<Table, TableChanges> table : changes.tables()) {
      List<StateRow> rows = table.getValue().upserts();
      if (!rows.isEmpty()) {
        steps.add(upsert(table.getKey(), rows));
      }
    }
    if (!changes.processes.isEmpty()) {
      steps.add(processes(List.copyOf(changes.processes.values())));
    }
    if (!changes.resources.isEmpty()) {
      steps.add(resources(List.copyOf(changes.resources.values())));
    }
    if (!changes.decisions.isEmpty()) {
      steps.add(decisions(List.copyOf(changes.decisions.values())));
    }
    if (!changes.decisionInstances.isEmpty()) {
      steps.add(decisionInstances(changes.decisionInstances));
    }
    if (!changes.variableUpserts.isEmpty()) {
      steps.add(variables(changes));
    }
    if (!changes.history.isEmpty()) {
      steps.add(HistoryStore.prepare(changes.history));
    }
    steps.add(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO engine.partition_state VALUES (?, ?, ?) ON CONFLICT (partition_id) "
                      + "DO UPDATE SET last_key = EXCLUDED.last_key, last_position = EXCLUDED.last_position")) {
            ps.setInt(1, PARTITION_ID);
            ps.setLong(2, lastKey);
            ps.setLong(3, lastPosition);
            ps.executeUpdate();
          }
        });
    boolean deploys =
        changes.purged
            || !changes.processes.isEmpty()
            || !changes.resources.isEmpty()
            || !changes.decisions.isEmpty();
    return new PreparedWrite(steps, deploys);
  }

  private static PreparedWrite.Step records(List<Record> records) {
    int n = records.size();
    Long[] positions = new Long[n];
    Long[] keys = new Long[n];
    String[] valueTypes = new String[n];
    String[] intents = new String[n];
    String[] values = new String[n];
    Long[] timestamps = new Long[n];
    for (int i = 0; i < n; i++) {
      Record r = records.get(i);
      positions[i] = r.position();
      keys[i] = r.key();
      valueTypes[i] = r.valueType().name();
      intents[i] = r.intent().name();
      values[i] = EngineJson.write(r.value());
      timestamps[i] = r.timestamp();
    }
    return new ColumnArrays(
            "INSERT INTO engine.record SELECT p, k, t, i, v::json, ts FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(p, k, t, i, v, ts)")
        .bigints(positions)
        .bigints(keys)
        .texts(valueTypes)
        .texts(intents)
        .texts(values)
        .bigints(timestamps);
  }

  private static PreparedWrite.Step upsert(Table table, List<StateRow> rows) {
    return switch (table) {
      case ELEMENT_INSTANCE -> elementInstances(rows);
      case INCIDENT -> incidents(rows);
      case USER_TASK -> userTasks(rows);
      default -> json(tableName(table), rows);
    };
  }

  private static PreparedWrite.Step json(String table, List<StateRow> rows) {
    Long[] keys = new Long[rows.size()];
    String[] data = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rows.get(i).key();
      data[i] = EngineJson.write(rows.get(i));
    }
    String sql =
        "INSERT INTO engine."
            + table
            + " SELECT k, d::json FROM unnest(?::bigint[], ?::text[]) AS u(k, d) ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data";
    return new ColumnArrays(sql).bigints(keys).texts(data);
  }

  private static PreparedWrite.Step elementInstances(List<StateRow> rows) {
    int n = rows.size();
    Long[] key = new Long[n],
        pik = new Long[n],
        pdk = new Long[n],
        fsk = new Long[n],
        ppik = new Long[n],
        peik = new Long[n],
        start = new Long[n],
        end = new Long[n],
        incident = new Long[n];
    Integer[] version = new Integer[n];
    String[] pid = new String[n],
        eid = new String[n],
        type = new String[n],
        state = new String[n],
        data = new String[n];
    int i = 0;
    for (StateRow row : rows) {
      ElementInstance e = (ElementInstance) row;
      key[i] = e.key();
      pik[i] = e.processInstanceKey();
      pdk[i] = e.processDefinitionKey();
      pid[i] = e.bpmnProcessId();
      version[i] = e.version();
      eid[i] = e.elementId();
      type[i] = e.type().name();
      state[i] = e.state().apiState();
      fsk[i] = e.flowScopeKey();
      ppik[i] = e.parentProcessInstanceKey();
      peik[i] = e.parentElementInstanceKey();
      start[i] = e.startDate();
      end[i] = e.endDate();
      incident[i] = e.incidentKey();
      data[i] = EngineJson.write(e);
      i++;
    }
    return new ColumnArrays(
            "INSERT INTO engine.element_instance SELECT k, pik, pdk, pid, v, eid, t, s, fsk, ppik, peik, sd, ed, ik, d::json "
                + "FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], "
                + "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) "
                + "AS u(k, pik, pdk, pid, v, eid, t, s, fsk, ppik, peik, sd, ed, ik, d) "
                + "ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, end_date = EXCLUDED.end_date, "
                + "incident_key = EXCLUDED.incident_key, data = EXCLUDED.data, "
                // a migrated instance runs another version of another element
                + "process_definition_key = EXCLUDED.process_definition_key, "
                + "bpmn_process_id = EXCLUDED.bpmn_process_id, version = EXCLUDED.version, "
                + "element_id = EXCLUDED.element_id")
        .bigints(key)
        .bigints(pik)
        .bigints(pdk)
        .texts(pid)
        .integers(version)
        .texts(eid)
        .texts(type)
        .texts(state)
        .bigints(fsk)
        .bigints(ppik)
        .bigints(peik)
        .bigints(start)
        .bigints(end)
        .bigints(incident)
        .texts(data);
  }

  private static PreparedWrite.Step incidents(List<StateRow> rows) {
    record Row(
        long key,
        long processInstanceKey,
        String state,
        String errorType,
        long time,
        String data) {}
    List<Row> captured = new ArrayList<>(rows.size());
    for (StateRow row : rows) {
      Incident incident = (Incident) row;
      captured.add(
          new Row(
              incident.key(),
              incident.processInstanceKey(),
              incident.state(),
              incident.errorType(),
              incident.creationTime(),
              EngineJson.write(incident)));
    }
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.incident VALUES (?, ?, ?, ?, ?, ?::json) ON CONFLICT (key) "
                  + "DO UPDATE SET state = EXCLUDED.state, data = EXCLUDED.data")) {
        for (Row row : captured) {
          ps.setLong(1, row.key());
          ps.setLong(2, row.processInstanceKey());
          ps.setString(3, row.state());
          ps.setString(4, row.errorType());
          ps.setLong(5, row.time());
          ps.setString(6, row.data());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  private static PreparedWrite.Step userTasks(List<StateRow> rows) {
    record Row(
        long key,
        String state,
        long elementInstanceKey,
        long processInstanceKey,
        long processDefinitionKey,
        String bpmnProcessId,
        String elementId,
        String assignee,
        Object[] candidateGroups,
        Object[] candidateUsers,
        int priority,
        long creationDate,
        Long completionDate,
        Long dueDate,
        Long followUpDate,
        String data) {}
    List<Row> captured = new ArrayList<>(rows.size());
    for (StateRow row : rows) {
      UserTask task = (UserTask) row;
      captured.add(
          new Row(
              task.key(),
              task.state().name(),
              task.elementInstanceKey(),
              task.processInstanceKey(),
              task.processDefinitionKey(),
              task.bpmnProcessId(),
              task.elementId(),
              task.assignee(),
              task.candidateGroups().toArray(),
              task.candidateUsers().toArray(),
              task.priority(),
              task.creationDate(),
              task.completionDate() < 0 ? null : task.completionDate(),
              epochMillis(task.dueDate()),
              epochMillis(task.followUpDate()),
              EngineJson.write(task)));
    }
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.user_task VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json) "
                  + "ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, assignee = EXCLUDED.assignee, "
                  + "process_definition_key = EXCLUDED.process_definition_key, "
                  + "bpmn_process_id = EXCLUDED.bpmn_process_id, element_id = EXCLUDED.element_id, "
                  + "candidate_groups = EXCLUDED.candidate_groups, candidate_users = EXCLUDED.candidate_users, "
                  + "priority = EXCLUDED.priority, completion_date = EXCLUDED.completion_date, "
                  + "due_date = EXCLUDED.due_date, follow_up_date = EXCLUDED.follow_up_date, data = EXCLUDED.data")) {
        for (Row row : captured) {
          ps.setLong(1, row.key());
          ps.setString(2, row.state());
          ps.setLong(3, row.elementInstanceKey());
          ps.setLong(4, row.processInstanceKey());
          ps.setLong(5, row.processDefinitionKey());
          ps.setString(6, row.bpmnProcessId());
          ps.setString(7, row.elementId());
          ps.setString(8, row.assignee());
          ps.setArray(9, c.createArrayOf("text", row.candidateGroups()));
          ps.setArray(10, c.createArrayOf("text", row.candidateUsers()));
          ps.setInt(11, row.priority());
          ps.setLong(12, row.creationDate());
          ps.setObject(13, row.completionDate());
          ps.setObject(14, row.dueDate());
          ps.setObject(15, row.followUpDate());
          ps.setString(16, row.data());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  /** A task's date as the column holds it: epoch milliseconds, null when it has none. */
  private static Long epochMillis(String isoDateTime) {
    return isoDateTime == null
        ? null
        : OffsetDateTime.parse(isoDateTime).toInstant().toEpochMilli();
  }

  private static PreparedWrite.Step processes(List<DeployedProcess> rows) {
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.process_definition "
                  + "(key, bpmn_process_id, version, resource_name, checksum, deployment_key, resource_key, name, version_tag, start_events) "
                  + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)")) {
        for (DeployedProcess p : rows) {
          ps.setLong(1, p.key());
          ps.setString(2, p.bpmnProcessId());
          ps.setInt(3, p.version());
          ps.setString(4, p.resourceName());
          ps.setString(5, p.checksum());
          ps.setLong(6, p.deploymentKey());
          ps.setLong(7, p.resourceKey());
          ps.setString(8, p.name());
          ps.setString(9, p.versionTag());
          ps.setString(10, startEventsJson(p.startEvents()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  private static PreparedWrite.Step resources(List<DeployedResource> rows) {
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO engine.resource VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (DeployedResource r : rows) {
          ps.setLong(1, r.key());
          ps.setString(2, r.kind());
          ps.setString(3, r.resourceId());
          ps.setInt(4, r.version());
          ps.setString(5, r.resourceName());
          ps.setString(6, r.checksum());
          ps.setLong(7, r.deploymentKey());
          ps.setBytes(8, r.resource());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  private static PreparedWrite.Step decisions(List<DeployedDecision> rows) {
    return c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO engine.decision_definition (key, decision_id, name, version, version_tag, "
                  + "decision_type, decision_requirements_key, decision_requirements_id, "
                  + "decision_requirements_name, decision_requirements_version, resource_name, "
                  + "deployment_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (DeployedDecision d : rows) {
          ps.setLong(1, d.key());
          ps.setString(2, d.decisionId());
          ps.setString(3, d.name());
          ps.setInt(4, d.version());
          ps.setString(5, d.versionTag());
          ps.setString(6, d.decisionType());
          ps.setLong(7, d.decisionRequirementsKey());
          ps.setString(8, d.decisionRequirementsId());
          ps.setString(9, d.decisionRequirementsName());
          ps.setInt(10, d.decisionRequirementsVersion());
          ps.setString(11, d.resourceName());
          ps.setLong(12, d.deploymentKey());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  private static PreparedWrite.Step decisionInstances(List<DecisionInstance> rows) {
    int n = rows.size();
    String[] keys = new String[n],
        states = new String[n],
        ids = new String[n],
        data = new String[n];
    Long[] evaluations = new Long[n],
        dates = new Long[n],
        decisions = new Long[n],
        instances = new Long[n],
        elements = new Long[n];
    for (int i = 0; i < n; i++) {
      DecisionInstance d = rows.get(i);
      keys[i] = d.key();
      evaluations[i] = d.evaluationKey();
      states[i] = d.state();
      dates[i] = d.evaluationDate();
      decisions[i] = d.decisionKey();
      ids[i] = d.decisionId();
      instances[i] = d.processInstanceKey();
      elements[i] = d.elementInstanceKey();
      data[i] = EngineJson.writeValue(d);
    }
    return new ColumnArrays(
            "INSERT INTO engine.decision_instance (key, evaluation_key, state, evaluation_date, "
                + "decision_key, decision_id, process_instance_key, element_instance_key, data) "
                + "SELECT k, ek, s, ed, dk, di, pik, eik, d::json FROM unnest(?::text[], "
                + "?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], "
                + "?::bigint[], ?::text[]) AS r(k, ek, s, ed, dk, di, pik, eik, d)")
        .texts(keys)
        .bigints(evaluations)
        .texts(states)
        .bigints(dates)
        .bigints(decisions)
        .texts(ids)
        .bigints(instances)
        .bigints(elements)
        .texts(data);
  }

  /** Every table but the partition's: keys and positions are never reused. */
  private static void purge(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "TRUNCATE engine.record, engine.process_definition, engine.resource, "
              + "engine.element_instance, engine.variable, engine.job, engine.timer, "
              + "engine.message_subscription, engine.message, engine.incident, "
              + "engine.sequence_flow, engine.message_subscription_history, "
              + "engine.correlated_message_subscription, engine.user_task, "
              + "engine.decision_definition, engine.decision_instance");
    }
  }

  private static PreparedWrite.Step variables(StateChanges changes) {
    int n = changes.variableUpserts.values().stream().mapToInt(Map::size).sum();
    Long[] scopes = new Long[n], instances = new Long[n], keys = new Long[n];
    String[] names = new String[n], values = new String[n];
    int i = 0;
    for (Map.Entry<Long, Map<String, VariableRow>> scope : changes.variableUpserts.entrySet()) {
      for (Map.Entry<String, VariableRow> e : scope.getValue().entrySet()) {
        scopes[i] = scope.getKey();
        names[i] = e.getKey();
        instances[i] = e.getValue().processInstanceKey();
        keys[i] = e.getValue().key();
        values[i] = EngineJson.writeValue(e.getValue().value());
        i++;
      }
    }
    return new ColumnArrays(
            "INSERT INTO engine.variable (scope_key, name, process_instance_key, value, key) "
                + "SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[]) "
                + "ON CONFLICT (scope_key, name) DO UPDATE SET value = EXCLUDED.value")
        .bigints(scopes)
        .texts(names)
        .bigints(instances)
        .texts(values)
        .bigints(keys);
  }

  private static final TypeReference<List<DeployedProcess.StartEvent>> START_EVENTS =
      new TypeReference<>() {};

  /**
   * {@code process_definition.start_events}: {@code [{"elementId":…,"type":"MESSAGE","name":…},
   * …]}.
   */
  public static String startEventsJson(List<DeployedProcess.StartEvent> startEvents) {
    try {
      return EngineJson.VALUES.writeValueAsString(startEvents);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<DeployedProcess.StartEvent> startEvents(String json) {
    try {
      return json == null ? List.of() : EngineJson.VALUES.readValue(json, START_EVENTS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored content of a resource (one row), or null when there is none with this key. */
  public static byte[] resource(Connection c, long key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT resource FROM engine.resource WHERE key = ?")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  private static String tableName(Table table) {
    return switch (table) {
      case JOB -> "job";
      case TIMER -> "timer";
      case SUBSCRIPTION -> "message_subscription";
      case MESSAGE -> "message";
      case INCIDENT -> "incident";
      case ELEMENT_INSTANCE -> "element_instance";
      case USER_TASK -> "user_task";
    };
  }

  /**
   * Reads the committed state back. Process versions come back as metadata only (no resource, no
   * parsing): their models are parsed on demand by {@code models}; other stored resources come back
   * without their content. So loading costs the same whatever the size of the models.
   */
  public Loaded load(Connection c, ProcessModels models) throws SQLException {
    EngineState state = new EngineState();
    long lastKey = 0;
    long lastPosition = 0;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT last_key, last_position FROM engine.partition_state WHERE partition_id = "
                  + PARTITION_ID)) {
        if (rs.next()) {
          lastKey = rs.getLong(1);
          lastPosition = rs.getLong(2);
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, bpmn_process_id, version, resource_name, checksum, deployment_key, "
                  + "resource_key, name, version_tag, start_events FROM engine.process_definition ORDER BY key")) {
        while (rs.next()) {
          state
              .deployments()
              .loadProcess(
                  new DeployedProcess(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getInt(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getLong(6),
                      rs.getLong(7),
                      rs.getString(8),
                      rs.getString(9),
                      startEvents(rs.getString(10)),
                      models));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT key, checksum FROM engine.resource WHERE kind = 'bpmn'")) {
        while (rs.next()) {
          state.deployments().loadBpmnResource(rs.getString(2), rs.getLong(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, kind, resource_id, version, resource_name, checksum, deployment_key "
                  + "FROM engine.resource WHERE kind <> 'bpmn' ORDER BY key")) {
        while (rs.next()) {
          state
              .deployments()
              .loadResource(
                  new DeployedResource(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getInt(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getLong(7),
                      null));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT key, resource FROM engine.resource WHERE kind = 'form'")) {
        while (rs.next()) {
          state
              .deployments()
              .loadFormVersionTag(rs.getLong(1), DeploymentState.formVersionTag(rs.getBytes(2)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, decision_id, name, version, version_tag, decision_type, "
                  + "decision_requirements_key, decision_requirements_id, decision_requirements_name, "
                  + "decision_requirements_version, resource_name, deployment_key "
                  + "FROM engine.decision_definition ORDER BY key")) {
        while (rs.next()) {
          state
              .deployments()
              .loadDecision(
                  new DeployedDecision(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getInt(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getLong(7),
                      rs.getString(8),
                      rs.getString(9),
                      rs.getInt(10),
                      rs.getString(11),
                      rs.getLong(12)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT data FROM engine.element_instance WHERE state NOT IN ('COMPLETED', 'TERMINATED') ORDER BY key")) {
        while (rs.next()) {
          state.instances().put(EngineJson.read(rs.getString(1), ElementInstance.class));
        }
      }
      // only the running scopes' variables: those of ended scopes are history
      try (ResultSet rs =
          s.executeQuery(
              "SELECT v.scope_key, v.name, v.key, v.value FROM engine.variable v "
                  + "JOIN engine.element_instance e ON e.key = v.scope_key "
                  + "WHERE e.state NOT IN ('COMPLETED', 'TERMINATED')")) {
        while (rs.next()) {
          state
              .variables()
              .load(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  EngineJson.readValue(rs.getString(4)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT data FROM engine.job ORDER BY key")) {
        while (rs.next()) {
          state.jobs().put(EngineJson.read(rs.getString(1), Job.class));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT data FROM engine.timer")) {
        while (rs.next()) {
          state.timers().put(EngineJson.read(rs.getString(1), Timer.class));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT data FROM engine.message_subscription ORDER BY key")) {
        while (rs.next()) {
          state.subscriptions().put(EngineJson.read(rs.getString(1), EventSubscription.class));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT data FROM engine.message ORDER BY key")) {
        while (rs.next()) {
          state.messages().put(EngineJson.read(rs.getString(1), Message.class));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT data FROM engine.incident WHERE state = 'ACTIVE' ORDER BY key")) {
        while (rs.next()) {
          state.incidents().put(EngineJson.read(rs.getString(1), Incident.class));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT data FROM engine.user_task WHERE state NOT IN ('COMPLETED', 'CANCELED') ORDER BY key")) {
        while (rs.next()) {
          state.userTasks().put(EngineJson.read(rs.getString(1), UserTask.class));
        }
      }
    }
    state.changesTaken();
    return new Loaded(state, lastKey, lastPosition);
  }
}
