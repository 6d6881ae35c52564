package landwatch.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dataDir;

  @Test
  void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
    try (EmbeddedPostgres first = EmbeddedPostgresServer.start(dataDir, 0);
        Connection connection = first.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kept (value TEXT)");
      statement.execute("INSERT INTO kept VALUES ('图斑 640104-0001')");
    }
    try (EmbeddedPostgres second = EmbeddedPostgresServer.start(dataDir, 0)) {
      assertThat(readKept(second)).isEqualTo("图斑 640104-0001");
    }
  }

  @Test
  void aServerOrphanedByAKilledApplicationIsStoppedAndItsCommittedDataKept() throws Exception {
    Process application =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingApplication.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals(CrashingApplication.READY));
      assertThat(line)
          .as("the child application reports its write")
          .isEqualTo(CrashingApplication.READY);
    }
    application.destroyForcibly();
    assertThat(application.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(new File(dataDir.toFile(), "postmaster.pid"))
        .as("the orphaned server still runs")
        .exists();

    try (EmbeddedPostgres restarted = EmbeddedPostgresServer.start(dataDir, 0)) {
      assertThat(readKept(restarted)).isEqualTo("committed before the crash");
    }
  }

  @Test
  void aServerStillOwnedByARunningApplicationIsLeftAlone() throws Exception {
    try (EmbeddedPostgres owner = EmbeddedPostgresServer.start(dataDir, 0)) {
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another running application");
      try (Connection connection = owner.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        assertThat(statement.execute("SELECT 1")).as("the owner's server still answers").isTrue();
      }
    }
  }

  private static String readKept(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  /** Runs in a child JVM: writes, says so, and waits to be killed with its server left behind. */
  public static final class CrashingApplication {
    static final String READY = "READY";

    public static void main(String[] args) throws Exception {
      EmbeddedPostgres postgres = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE kept (value TEXT)");
        statement.execute("INSERT INTO kept VALUES ('committed before the crash')");
      }
      System.out.println(READY);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
