package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Creating, awaiting, getting, cancelling and searching process instances; element instance search.
 */
class ProcessInstanceApiTest extends EngineTest {

  private String twoVersions(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("v1", t -> t.zeebeJobType(id + "-v1"))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("v2", t -> t.zeebeJobType(id + "-v2"))
            .endEvent()
            .done());
    return id;
  }

  @Test
  void createsTheLatestOrAGivenVersionOrByDefinitionKey() {
    String id = twoVersions(uniqueId("versions"));
    ProcessInstanceEvent latest =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    assertThat(latest.getVersion()).isEqualTo(2);
    ProcessInstanceEvent first =
        client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
    assertThat(first.getVersion()).isEqualTo(1);
    ProcessInstanceEvent byKey =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(first.getProcessDefinitionKey())
            .send()
            .join();
    assertThat(byKey.getBpmnProcessId()).isEqualTo(id);
    assertThat(activate(id + "-v1", 5)).hasSize(2);
    assertThat(activate(id + "-v2", 5)).hasSize(1);
  }

  @Test
  void unknownProcessesAreNotFound() {
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(uniqueId("missing"))
                    .latestVersion()
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getDetail()).contains("Expected to find process definition");
            });
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(123L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void awaitCompletionAnswersWithTheFetchedVariables() {
    String id = uniqueId("await");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask("calc", s -> s.zeebeExpression("a * 10").zeebeResultVariable("b"))
            .endEvent()
            .done());
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("a", 4, "secret", "x"))
            .withResult()
            .fetchVariables("b")
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsOnlyKeys("b");
    assertThat(((Number) result.getVariablesAsMap().get("b")).intValue()).isEqualTo(40);
  }

  @Test
  void awaitCompletionTimesOut() {
    String id = uniqueId("await-timeout");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .withResult()
                    .requestTimeout(Duration.ofMillis(300))
                    .send()
                    .join())
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void cancellationTerminatesTheInstanceAndItsJobs() {
    String id = uniqueId("cancel");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);
    client.newCancelInstanceCommand(instance).send().join();
    assertThat(processState(instance)).isEqualTo("TERMINATED");
    assertThat(activate(id, 1)).isEmpty();
    assertThatThrownBy(() -> client.newCancelInstanceCommand(instance).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void searchFiltersByProcessIdAndStateWithPaging() {
    String id = uniqueId("search");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long first = start(id);
    start(id);
    start(id);
    client.newCancelInstanceCommand(first).send().join();
    List<ProcessInstance> active =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id).state(ProcessInstanceState.ACTIVE))
            .send()
            .join()
            .items();
    assertThat(active).hasSize(2);
    var page =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(1))
            .send()
            .join();
    assertThat(page.items()).hasSize(1);
    assertThat(page.page().totalItems()).isEqualTo(3);
    assertThat(page.items().get(0).getProcessInstanceKey()).isGreaterThan(first);
  }

  @Test
  void elementInstanceSearchShowsTheActiveTask() {
    String id = uniqueId("elements");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("begin")
            .serviceTask("task", t -> t.zeebeJobType(id).name("Verify"))
            .endEvent()
            .done());
    long instance = start(id);
    var active =
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.processInstanceKey(instance)
                        .state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
            .send()
            .join()
            .items();
    assertThat(active)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getElementId()).isEqualTo("task");
              assertThat(e.getElementName()).isEqualTo("Verify");
              assertThat(e.getType().name()).isEqualTo("SERVICE_TASK");
            });
  }
}
