package landwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import landwatch.engine.Engine;
import landwatch.engine.EngineAutoConfiguration;
import landwatch.engine.EngineProperties;
import landwatch.engine.EngineSchema;
import landwatch.engine.conformance.TestPostgres;
import landwatch.engine.model.EventType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * V3 and V4 on a database written before them: each distinct BPMN resource becomes one row of
 * engine.resource, every version references it and gets its metadata, and the engine starts on the
 * result and runs the versions' models, parsed from the moved resources.
 */
class ResourceMigrationTest {

  private static final String TWO_PROCESSES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://landwatch">
        <bpmn:message id="m" name="mig-message"/>
        <bpmn:process id="mig-a" name="Process A" isExecutable="true">
          <bpmn:extensionElements><zeebe:versionTag value="tag-1"/></bpmn:extensionElements>
          <bpmn:startEvent id="start-a"><bpmn:outgoing>fa</bpmn:outgoing></bpmn:startEvent>
          <bpmn:endEvent id="end-a"><bpmn:incoming>fa</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="fa" sourceRef="start-a" targetRef="end-a"/>
        </bpmn:process>
        <bpmn:process id="mig-b" isExecutable="true">
          <bpmn:startEvent id="start-b"><bpmn:outgoing>fb</bpmn:outgoing>
            <bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
          <bpmn:endEvent id="end-b"><bpmn:incoming>fb</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="fb" sourceRef="start-b" targetRef="end-b"/>
        </bpmn:process>
      </bpmn:definitions>
      """
          .strip();

  private static final String ONE_PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://landwatch">
        <bpmn:process id="mig-a" name="Process A, second" isExecutable="true">
          <bpmn:startEvent id="start-a2"><bpmn:outgoing>fa</bpmn:outgoing></bpmn:startEvent>
          <bpmn:endEvent id="end-a2"><bpmn:incoming>fa</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="fa" sourceRef="start-a2" targetRef="end-a2"/>
        </bpmn:process>
      </bpmn:definitions>
      """
          .strip();

  @Test
  void resourcesMoveToOneRowEachAndVersionsGetTheirMetadata() throws Exception {
    DataSource dataSource = newDatabase();
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(EngineAutoConfiguration.SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/engine")
        .target("2")
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection()) {
      // as the engine wrote them before V3: the whole resource in every version's row
      insertOldVersion(c, 10, "mig-a", 1, "two.bpmn", TWO_PROCESSES, 9);
      insertOldVersion(c, 11, "mig-b", 1, "two.bpmn", TWO_PROCESSES, 9);
      insertOldVersion(c, 20, "mig-a", 2, "one.bpmn", ONE_PROCESS, 19);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO engine.resource VALUES (5, 'form', 'a-form', 1, 'a.form', 'f', 4, '{\"id\":\"a-form\"}'::bytea)");
        s.execute("INSERT INTO engine.partition_state VALUES (1, 30, 0)");
      }
    }

    EngineSchema.migrate(dataSource);

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, resource_name, checksum, resource FROM engine.resource "
                  + "WHERE kind = 'bpmn' ORDER BY key")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(10);
        assertThat(rs.getString(2)).isEqualTo("two.bpmn");
        assertThat(rs.getString(3)).isEqualTo(checksum(TWO_PROCESSES));
        assertThat(new String(rs.getBytes(4), StandardCharsets.UTF_8)).isEqualTo(TWO_PROCESSES);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(20);
        assertThat(new String(rs.getBytes(4), StandardCharsets.UTF_8)).isEqualTo(ONE_PROCESS);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, resource_key, name, version_tag, start_events::text "
                  + "FROM engine.process_definition ORDER BY key")) {
        rs.next();
        assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(10L, 10L);
        assertThat(rs.getString(3)).isEqualTo("Process A");
        assertThat(rs.getString(4)).isEqualTo("tag-1");
        assertThat(StateStore.startEvents(rs.getString(5))).isEmpty();
        rs.next();
        assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(11L, 10L);
        assertThat(rs.getString(3)).isNull();
        assertThat(StateStore.startEvents(rs.getString(5)))
            .containsExactly(
                new DeployedProcess.StartEvent("start-b", EventType.MESSAGE, "mig-message"));
        rs.next();
        assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(20L, 20L);
        assertThat(rs.getString(3)).isEqualTo("Process A, second");
      }
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM engine.resource WHERE kind = 'form' AND key = 5")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
    }

    try (Engine engine = new Engine(dataSource, defaultProperties())) {
      engine.start();
      assertThat(engine.definitions).containsKeys(10L, 11L, 20L);
      assertThat(engine.models.size()).as("nothing parsed at start").isZero();
      assertThat(engine.definitions.get(11L).executable().element("start-b").eventType)
          .isEqualTo(EventType.MESSAGE);
      assertThat(engine.definitions.get(20L).executable().root.name).isEqualTo("Process A, second");
      assertThat(
              new String(
                  engine.resource(engine.definitions.get(11L).resourceKey()),
                  StandardCharsets.UTF_8))
          .isEqualTo(TWO_PROCESSES);
    }
  }

  /** The engine's settings as an application without configuration gets them. */
  private static EngineProperties defaultProperties() {
    return new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("landwatch.engine", EngineProperties.class);
  }

  private static void insertOldVersion(
      Connection c, long key, String id, int version, String name, String xml, long deploymentKey)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO engine.process_definition VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, key);
      ps.setString(2, id);
      ps.setInt(3, version);
      ps.setString(4, name);
      ps.setString(5, checksum(xml));
      ps.setLong(6, deploymentKey);
      ps.setBytes(7, xml.getBytes(StandardCharsets.UTF_8));
      ps.executeUpdate();
    }
  }

  private static String checksum(String xml) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static DataSource newDatabase() throws Exception {
    String database = "migration_" + System.nanoTime();
    try (Connection c = TestPostgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestPostgres.get().getJdbcUrl("postgres", database));
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    return dataSource;
  }
}
