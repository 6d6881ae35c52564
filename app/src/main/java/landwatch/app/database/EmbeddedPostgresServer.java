package landwatch.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded server on a persistent directory, recovering from an unclean stop. */
public final class EmbeddedPostgresServer {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  /** The file zonky's EmbeddedPostgres locks for as long as its JVM owns the server. */
  private static final String OWNER_LOCK = "epg-lock";

  private EmbeddedPostgresServer() {}

  public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    Files.createDirectories(dataDir);
    stopOrphanedServer(dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.toFile())
            .setCleanDataDirectory(false)
            .setPGStartupWait(STARTUP_WAIT)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "200");
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
    return postgres;
  }

  /**
   * The server runs as a child of pg_ctl, not of this JVM: after a kill -9 of the application it
   * keeps running and holds the directory. Such an orphan is asked to shut down (SIGTERM, a "smart"
   * shutdown that completes committed work) before a new one is started.
   */
  private static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    requireNoLivingOwner(dataDir);
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> orphan =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (orphan.isEmpty() || !isPostgres(orphan.get())) {
      return;
    }
    LOG.warn("Stopping a PostgreSQL left running on {} (pid {})", dataDir, orphan.get().pid());
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("PostgreSQL left running on " + dataDir + " did not stop", e);
    }
  }

  /**
   * The embedded server's owner holds a file lock in the directory while it lives; the operating
   * system drops it when the owner dies. A held lock means the server is not an orphan.
   */
  private static void requireNoLivingOwner(Path dataDir) throws IOException {
    Path lockFile = dataDir.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw inUse(dataDir, null);
      }
    } catch (OverlappingFileLockException e) {
      throw inUse(dataDir, e);
    }
  }

  private static IOException inUse(Path dataDir, Exception cause) {
    return new IOException(
        "the PostgreSQL data directory " + dataDir + " is in use by another running application",
        cause);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }
}
