package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import landwatch.engine.Engine;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.CommandTimeout;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.StateSnapshot;
import landwatch.engine.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Base of the conformance suite: the engine runs in a Spring Boot application on a random port and
 * is driven only through camunda-client-java over REST with basic auth, as the app drives it. Every
 * test deploys processes with ids of its own, so tests share one engine and database.
 */
@SpringBootTest(
    classes = EngineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EngineTest {

  private static final AtomicInteger IDS = new AtomicInteger();
  static final Path DATA_DIR = createDataDir();

  @LocalServerPort int port;

  @Autowired Environment environment;

  @Autowired Engine engine;

  @Autowired DataSource dataSource;

  protected CamundaClient client;

  private final List<Long> cancelledAfterTheStateCheck = new ArrayList<>();

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("engine-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static {
    // read by the engine's EnvironmentPostProcessor, which runs before any test property source
    System.setProperty("landwatch.data-dir", DATA_DIR.toString());
  }

  @BeforeEach
  void connect() {
    client =
        EngineClients.overRest(
            port,
            environment.getProperty("landwatch.engine.api.username"),
            environment.getProperty("landwatch.engine.api.password"),
            Duration.ofSeconds(30));
  }

  @AfterEach
  void disconnect() {
    try {
      client.newResetClockCommand().send().join();
      assertStateSurvivesRestart();
    } finally {
      List<CompletableFuture<?>> cancellations = new ArrayList<>();
      for (long processInstanceKey : cancelledAfterTheStateCheck) {
        cancellations.add(
            client
                .newCancelInstanceCommand(processInstanceKey)
                .send()
                .toCompletableFuture()
                .exceptionally(EngineTest::endedByItself));
      }
      cancellations.forEach(CompletableFuture::join);
      client.close();
    }
  }

  /** A cancellation answered 404: the instance had ended by itself. */
  private static <T> T endedByItself(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof ProblemException problem && problem.code() == 404) {
      return null;
    }
    throw failure instanceof RuntimeException e ? e : new CompletionException(failure);
  }

  /**
   * Cancels the process instance once the scenario's state has been checked: for instances that
   * hold megabytes of variables, or come by the hundred, which every later check of the shared
   * engine would otherwise read again.
   */
  protected long cancelAfterTheStateCheck(long processInstanceKey) {
    cancelledAfterTheStateCheck.add(processInstanceKey);
    return processInstanceKey;
  }

  /**
   * Two images of the engine's state taken at the same moment: the hot one, and one loaded from the
   * tables.
   */
  private record HotAndRestarted(StateSnapshot hot, StateSnapshot restarted) {}

  /**
   * The hot state equals, wholesale, what a restart would load from the tables: a change the hot
   * state made without writing it (a mutation not recorded) fails here, after the scenario that
   * made it. Both images are taken on the writer's thread between two batches, when the tables hold
   * exactly what the hot state holds; the writer may still be busy with a test's leftovers, so this
   * waits for it.
   */
  private void assertStateSurvivesRestart() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    HotAndRestarted images = null;
    while (images == null && System.nanoTime() - deadline < 0) {
      try {
        images = engine.writer.submit(this::imagesBetweenBatches).join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof CommandTimeout || e.getCause() instanceof Rejection)) {
          throw e;
        }
      }
    }
    if (images == null) {
      fail("Expected the writer to take the state's images within a minute, but it was busy");
    }
    if (!images.hot().equals(images.restarted())) {
      fail(
          "The engine's state after a restart differs from its state before (hot ≠ restarted):\n"
              + images.hot().diff(images.restarted()));
    }
  }

  /**
   * Null when commands before this one in its batch changed the state, or an earlier batch is still
   * being committed: the tables do not hold it yet.
   */
  private HotAndRestarted imagesBetweenBatches(Batch batch) {
    if (!batch.records.written().isEmpty()
        || batch.state.hasChanges()
        || !engine.writer.allCommitted()) {
      return null;
    }
    try (Connection connection = dataSource.getConnection()) {
      StateSnapshot restarted =
          StateSnapshot.of(new StateStore().load(connection, engine.models).state());
      return new HotAndRestarted(StateSnapshot.of(batch.state), restarted);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the engine state", e);
    }
  }

  /** A process id no other test uses. */
  protected static String uniqueId(String prefix) {
    return prefix + "-" + IDS.incrementAndGet();
  }

  protected long deploy(BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "process.bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  protected long start(String processId, Map<String, Object> variables) {
    ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .send()
            .join();
    return event.getProcessInstanceKey();
  }

  protected long start(String processId) {
    return start(processId, Map.of());
  }

  /** Activates without waiting: the job must already be there. */
  protected List<ActivatedJob> activate(String type, int max) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofMillis(-1))
        .send()
        .join()
        .getJobs();
  }

  protected ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs = activate(type, 1);
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job of type " + type + " but found " + jobs.size());
    }
    return jobs.get(0);
  }

  protected void completeJob(String type, Map<String, Object> variables) {
    client.newCompleteCommand(activateOne(type).getKey()).variables(variables).send().join();
  }

  protected String processState(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState().name();
  }

  protected List<ElementInstance> elements(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .page(p -> p.limit(1000))
        .send()
        .join()
        .items();
  }

  /** The ids of elements in the given state (ACTIVE, COMPLETED, TERMINATED), in creation order. */
  protected List<String> elementIds(long processInstanceKey, String state) {
    return elements(processInstanceKey).stream()
        .filter(e -> e.getState().name().equals(state))
        .map(ElementInstance::getElementId)
        .toList();
  }

  /**
   * The instance's records as written so far: read it after the API call whose records it is to
   * hold.
   */
  protected RecordLog recordLog(long processInstanceKey) {
    return RecordLog.of(dataSource, processInstanceKey);
  }

  protected List<Incident> activeIncidents(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items()
        .stream()
        .filter(i -> i.getState().name().equals("ACTIVE"))
        .toList();
  }

  /**
   * Variables of the finished instance, via a fresh awaited instance is not possible: use the job's
   * view instead.
   */
  protected Map<String, Object> variablesSeenBy(String jobType) {
    return activateOne(jobType).getVariablesAsMap();
  }

  protected void pinClock(long epochMillis) {
    client.newPinClockCommand().time(epochMillis).send().join();
  }

  /** How {@link #assertUnrelatedInstanceCompletes} activates the unrelated instance's job. */
  protected enum JobActivation {
    /**
     * At once ({@link #completeJob}): the job must already be there; completed with {@code done =
     * true}.
     */
    IMMEDIATE,
    /**
     * A long poll (up to 20 s), answered as soon as the writer, which may still be busy, has it; no
     * variables.
     */
    LONG_POLL
  }

  /**
   * An instance of a process of its own, waiting at a service task whose job type is the process
   * id.
   */
  protected record UnrelatedInstance(String jobType, long key) {}

  /** Deploys a process of its own with one service task and starts it. */
  protected UnrelatedInstance startUnrelatedInstance() {
    String id = uniqueId("unrelated");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    return new UnrelatedInstance(id, start(id));
  }

  /**
   * Completes the instance's job and asserts that the instance completed: the engine goes on with
   * other work.
   */
  protected void assertUnrelatedInstanceCompletes(
      UnrelatedInstance instance, JobActivation activation) {
    switch (activation) {
      case IMMEDIATE -> completeJob(instance.jobType(), Map.of("done", true));
      case LONG_POLL -> {
        ActivatedJob job =
            client
                .newActivateJobsCommand()
                .jobType(instance.jobType())
                .maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(1))
                .requestTimeout(Duration.ofSeconds(20))
                .send()
                .join()
                .getJobs()
                .get(0);
        client.newCompleteCommand(job.getKey()).send().join();
      }
    }
    assertThat(processState(instance.key())).isEqualTo("COMPLETED");
  }

  /** Starts an unrelated instance and asserts that it completes. */
  protected void assertUnrelatedInstanceCompletes(JobActivation activation) {
    assertUnrelatedInstanceCompletes(startUnrelatedInstance(), activation);
  }
}
