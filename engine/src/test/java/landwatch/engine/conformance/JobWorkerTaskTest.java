package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Service and send tasks: jobs, their variables and headers, retries, incidents, timeouts, long
 * polling.
 */
class JobWorkerTaskTest extends EngineTest {

  @Test
  void jobCarriesTypeHeadersAndVisibleVariablesAndCompletionVariablesReachTheProcess() {
    String id = uniqueId("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobTypeExpression("\"" + id + "-\" + kind")
                        .zeebeJobRetries("5")
                        .zeebeTaskHeader("region", "640104"))
            .sendTask("send", t -> t.zeebeJobType(id + "-send"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("kind", "check", "spot", "A-1"));

    ActivatedJob job = activateOne(id + "-check");
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getCustomHeaders()).containsEntry("region", "640104");
    assertThat(job.getVariablesAsMap()).containsEntry("spot", "A-1").containsEntry("kind", "check");
    assertThat(job.getElementId()).isEqualTo("task");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job.getKey()).variables(Map.of("verdict", "illegal")).send().join();

    ActivatedJob send = activateOne(id + "-send");
    assertThat(send.getVariablesAsMap()).containsEntry("verdict", "illegal");
    client.newCompleteCommand(send.getKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void fetchVariablesLimitsWhatTheWorkerSees() {
    String id = uniqueId("fetch");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    start(id, Map.of("a", 1, "b", 2));
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(id)
            .maxJobsToActivate(1)
            .fetchVariables("a")
            .requestTimeout(Duration.ofMillis(-1))
            .send()
            .join()
            .getJobs();
    assertThat(jobs.get(0).getVariablesAsMap()).containsOnlyKeys("a");
  }

  @Test
  void aJobIsHandedToOneWorkerOnlyUntilItTimesOut() {
    String id = uniqueId("timeout");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    start(id);
    ActivatedJob first =
        client
            .newActivateJobsCommand()
            .jobType(id)
            .maxJobsToActivate(5)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofMillis(-1))
            .send()
            .join()
            .getJobs()
            .get(0);
    assertThat(activate(id, 5)).isEmpty();

    pinClock(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis());
    ActivatedJob again = activateOne(id);
    assertThat(again.getKey()).isEqualTo(first.getKey());
  }

  @Test
  void failingWithRetriesLeftMakesTheJobActivatableAgainAndZeroRetriesRaisesAnIncident() {
    String id = uniqueId("fail");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);

    ActivatedJob job = activateOne(id);
    client.newFailCommand(job.getKey()).retries(1).errorMessage("map service down").send().join();
    ActivatedJob retried = activateOne(id);
    assertThat(retried.getRetries()).isEqualTo(1);
    client.newFailCommand(retried.getKey()).retries(0).errorMessage("still down").send().join();

    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getErrorType().name()).isEqualTo("JOB_NO_RETRIES");
              assertThat(incident.getErrorMessage()).isEqualTo("still down");
              assertThat(incident.getJobKey()).isEqualTo(job.getKey());
            });
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getHasIncident())
        .isTrue();
    assertThat(
            client
                .newIncidentGetRequest(incidents.get(0).getIncidentKey())
                .send()
                .join()
                .getElementId())
        .isEqualTo("task");
    assertThat(
            client
                .newElementInstanceGetRequest(job.getElementInstanceKey())
                .send()
                .join()
                .getIncidentKey())
        .isEqualTo(incidents.get(0).getIncidentKey());
    assertThat(activate(id, 1)).isEmpty();

    assertThatThrownBy(
            () -> client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join())
        .isInstanceOf(ProblemException.class);
    client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(activeIncidents(instance)).isEmpty();
    client.newCompleteCommand(activateOne(id).getKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void retryBackOffKeepsTheJobAwayUntilItHasPassed() {
    String id = uniqueId("backoff");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    start(id);
    ActivatedJob job = activateOne(id);
    client
        .newFailCommand(job.getKey())
        .retries(2)
        .retryBackoff(Duration.ofMinutes(10))
        .send()
        .join();
    assertThat(activate(id, 1)).isEmpty();
    pinClock(System.currentTimeMillis() + Duration.ofMinutes(11).toMillis());
    assertThat(activateOne(id).getKey()).isEqualTo(job.getKey());
  }

  @Test
  void aWaitingActivationIsAnsweredWhenAJobArrives() {
    String id = uniqueId("longpoll");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    CompletableFuture<List<ActivatedJob>> waiting =
        client
            .newActivateJobsCommand()
            .jobType(id)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .toCompletableFuture()
            .thenApply(r -> r.getJobs());
    long instance = start(id);
    List<ActivatedJob> jobs = waiting.join();
    assertThat(jobs)
        .singleElement()
        .satisfies(j -> assertThat(j.getProcessInstanceKey()).isEqualTo(instance));
  }

  @Test
  void anEmptyLongPollEndsAfterItsRequestTimeout() {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(uniqueId("nothing"))
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(200))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).isEmpty();
  }

  @Test
  void concurrentWorkersNeverHoldTheSameJob() {
    String id = uniqueId("concurrent");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    List<CompletableFuture<List<ActivatedJob>>> polls = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      polls.add(
          client
              .newActivateJobsCommand()
              .jobType(id)
              .maxJobsToActivate(5)
              .workerName("w" + i)
              .requestTimeout(Duration.ofSeconds(30))
              .send()
              .toCompletableFuture()
              .thenApply(r -> r.getJobs()));
    }
    for (int i = 0; i < 40; i++) {
      start(id);
    }
    List<Long> handed = new java.util.ArrayList<>();
    polls.forEach(p -> p.join().forEach(j -> handed.add(j.getKey())));
    handed.addAll(activate(id, 100).stream().map(ActivatedJob::getKey).toList());
    assertThat(handed).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void unknownJobsAreNotFound() {
    assertThatThrownBy(
            () -> client.newCompleteCommand(2251799813685248L + 999_999_999L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void updatingTheTimeoutMovesTheDeadline() {
    String id = uniqueId("jobtimeout");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    start(id);
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(id)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofMillis(-1))
            .send()
            .join()
            .getJobs()
            .get(0);
    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofHours(1)).send().join();
    pinClock(System.currentTimeMillis() + Duration.ofMinutes(30).toMillis());
    assertThat(activate(id, 1)).isEmpty();
  }
}
