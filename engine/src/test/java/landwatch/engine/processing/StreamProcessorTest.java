package landwatch.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import landwatch.engine.EngineSchema;
import landwatch.engine.conformance.TestPostgres;
import landwatch.engine.record.intent.SignalIntent;
import landwatch.engine.state.ProcessModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The single writer against a real database: group commit, and one bad command not harming its
 * batch.
 */
class StreamProcessorTest {

  /** These tests deploy nothing: no model is ever asked for. */
  private static ProcessModels noModels() {
    return new ProcessModels(
        1 << 20,
        process -> {
          throw new IllegalStateException("no models in this test");
        });
  }

  private DataSource dataSource;
  private StreamProcessor writer;

  @BeforeEach
  void start() throws Exception {
    String database = "writer_" + System.nanoTime();
    try (Connection c = TestPostgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(TestPostgres.get().getJdbcUrl("postgres", database));
    dataSource = pg;
    EngineSchema.migrate(dataSource);
    writer =
        new StreamProcessor(dataSource, noModels(), new EngineClock(), 100, Duration.ofSeconds(20));
    writer.start(state -> {});
  }

  @AfterEach
  void stop() {
    writer.close();
  }

  /** Holds the writer until released, so that the commands queued meanwhile form one batch. */
  private CountDownLatch holdWriter() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    writer.submit(
        batch -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        });
    try {
      holding.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return release;
  }

  private static CompletableFuture<String> writing(
      StreamProcessor writer, String name, RuntimeException failure) {
    return writer.submit(
        batch -> {
          batch.records.append(
              batch.keys.next(), SignalIntent.BROADCASTED, Map.of("signalName", name));
          if (failure != null) {
            throw failure;
          }
          return name;
        });
  }

  /**
   * The names of the committed records' signals: each test command writes one, named after itself.
   */
  private List<String> committedSignals() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT value->>'signalName' FROM engine.record WHERE value_type = 'SIGNAL' ORDER BY position")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }

  @Test
  void aFailingCommandIsIsolatedAndTheRestOfItsBatchCommits() throws Exception {
    CountDownLatch release = holdWriter();
    CompletableFuture<String> a = writing(writer, "A", null);
    CompletableFuture<String> broken = writing(writer, "B", new IllegalStateException("bug"));
    CompletableFuture<String> c = writing(writer, "C", null);
    release.countDown();
    assertThat(a.join()).isEqualTo("A");
    assertThat(c.join()).isEqualTo("C");
    assertThatThrownBy(broken::join)
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("bug");
    assertThat(committedSignals()).containsExactly("A", "C");
  }

  @Test
  void aCommandThatOverflowsTheStackFailsAloneAndTheWriterGoesOn() throws Exception {
    CountDownLatch release = holdWriter();
    CompletableFuture<String> a = writing(writer, "A", null);
    CompletableFuture<String> overflowing =
        writer.submit(
            batch -> {
              batch.records.append(
                  batch.keys.next(), SignalIntent.BROADCASTED, Map.of("signalName", "SOE"));
              throw new StackOverflowError();
            });
    release.countDown();
    assertThat(a.join()).isEqualTo("A");
    assertThatThrownBy(overflowing::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(StackOverflowError.class);
    assertThat(writing(writer, "AFTER", null).join()).isEqualTo("AFTER");
    assertThat(committedSignals()).containsExactly("A", "AFTER");
  }

  @Test
  void aRejectionAfterWritingIsRolledBackAndAnswered() throws Exception {
    CompletableFuture<String> rejected = writing(writer, "R", Rejection.invalidState("no"));
    assertThatThrownBy(rejected::join).hasCauseInstanceOf(Rejection.class);
    assertThat(writing(writer, "OK", null).join()).isEqualTo("OK");
    assertThat(committedSignals()).containsExactly("OK");
  }

  /**
   * The database refuses a batch as it commits, while the writer has gone on with the next batches
   * on its changes: the command that broke it fails alone, every other one commits once, and
   * positions go on without a gap or a repeat.
   */
  @Test
  void aBatchTheDatabaseRefusesFailsAloneAndTheBatchesAfterItAreDoneAgain() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE FUNCTION engine.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
              + "IF NEW.value->>'signalName' = 'POISON' THEN RAISE EXCEPTION 'refused'; END IF; "
              + "RETURN NEW; END $$");
      s.execute(
          "CREATE TRIGGER refuse_poison BEFORE INSERT ON engine.record "
              + "FOR EACH ROW EXECUTE FUNCTION engine.refuse_poison()");
    }
    List<CompletableFuture<String>> before = new java.util.ArrayList<>();
    List<CompletableFuture<String>> after = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      before.add(writing(writer, "B" + i, null));
    }
    CompletableFuture<String> poison = writing(writer, "POISON", null);
    for (int i = 0; i < 20; i++) {
      after.add(writing(writer, "A" + i, null));
    }
    assertThatThrownBy(poison::join)
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage(
            "ERROR: refused\n  Where: PL/pgSQL function engine.refuse_poison() line 1 at RAISE");
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      assertThat(before.get(i).join()).isEqualTo("B" + i);
      expected.add("B" + i);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(after.get(i).join()).isEqualTo("A" + i);
      expected.add("A" + i);
    }
    assertThat(writing(writer, "LAST", null).join()).isEqualTo("LAST");
    expected.add("LAST");
    assertThat(committedSignals()).containsExactlyInAnyOrderElementsOf(expected);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(DISTINCT position), count(*), max(position) - min(position) + 1 "
                    + "FROM engine.record")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isEqualTo(rs.getLong(3));
    }
  }

  @Test
  void positionsAndKeysContinueAfterARestart() throws Exception {
    writing(writer, "FIRST", null).join();
    writer.close();
    writer =
        new StreamProcessor(dataSource, noModels(), new EngineClock(), 100, Duration.ofSeconds(20));
    writer.start(state -> {});
    writing(writer, "SECOND", null).join();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(DISTINCT position), count(DISTINCT record_key), count(*) FROM engine.record")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(rs.getLong(3));
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(3));
    }
    assertThat(committedSignals()).containsExactly("FIRST", "SECOND");
  }
}
