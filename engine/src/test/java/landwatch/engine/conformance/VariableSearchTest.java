package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /variables/search} and {@code GET /variables/{key}}, as Operate answers them. */
class VariableSearchTest extends EngineTest {

  private String process(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id).zeebeInput("=amount * 2", "double"))
            .endEvent()
            .done());
    return id;
  }

  private List<Variable> variables(long processInstanceKey) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.name().asc())
        .send()
        .join()
        .items();
  }

  @Test
  void aVariableKeepsItsKeyWhenUpdatedAndIsFoundByNameAndValue() {
    String id = process(uniqueId("vars"));
    long instance = start(id, Map.of("amount", 1, "owner", "\"north\""));
    Variable before =
        variables(instance).stream().filter(v -> v.getName().equals("amount")).findFirst().get();
    completeJob(id, Map.of("amount", 5));

    Variable after = client.newVariableGetRequest(before.getVariableKey()).send().join();
    assertThat(after.getValue()).isEqualTo("5");
    assertThat(after.getScopeKey()).isEqualTo(instance);
    assertThat(after.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance).name("amount").value("5"))
                .send()
                .join()
                .items())
        .extracting(Variable::getVariableKey)
        .containsExactly(before.getVariableKey());
  }

  @Test
  void theVariablesOfEndedScopesStayAsHistory() {
    String id = process(uniqueId("history"));
    long instance = start(id, Map.of("amount", 21));
    completeJob(id, Map.of());

    assertThat(processState(instance)).isEqualTo("COMPLETED");
    List<Variable> variables = variables(instance);
    assertThat(variables).extracting(Variable::getName).containsExactly("amount", "double");
    Variable input = variables.get(1);
    assertThat(input.getValue()).isEqualTo("42");
    // the input mapping's variable belongs to the task, not to the instance
    assertThat(input.getScopeKey()).isNotEqualTo(instance);
  }

  @Test
  void longValuesAreTruncatedBySearchesAndGivenInFullByKey() {
    String id = process(uniqueId("long"));
    String text = "x".repeat(10_000);
    long instance = start(id, Map.of("amount", 1, "text", text));

    Variable found =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance).name("text"))
            .send()
            .join()
            .items()
            .get(0);
    assertThat(found.isTruncated()).isTrue();
    assertThat(found.getValue()).hasSize(8191).isEqualTo(("\"" + text).substring(0, 8191));
    assertThat(client.newVariableGetRequest(found.getVariableKey()).send().join().getValue())
        .isEqualTo("\"" + text + "\"");
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance).name("text"))
                .withFullValues()
                .send()
                .join()
                .items()
                .get(0))
        .satisfies(
            v -> {
              assertThat(v.isTruncated()).isFalse();
              assertThat(v.getValue()).hasSize(text.length() + 2);
            });
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance).isTruncated(true))
                .send()
                .join()
                .items())
        .extracting(Variable::getName)
        .containsExactly("text");
  }

  @Test
  void searchesPageAndSort() {
    String id = process(uniqueId("paging"));
    long instance = start(id, Map.of("amount", 1, "b", 2, "c", 3));

    var page =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .sort(s -> s.name().desc())
            .page(p -> p.from(2).limit(1))
            .send()
            .join();
    // double (the task's input), c, b, amount
    assertThat(page.items()).extracting(Variable::getName).containsExactly("b");
    assertThat(page.page().totalItems()).isEqualTo(4);

    // every variable has the one tenant: sorting by it first leaves the next sort field to decide
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance))
                .sort(s -> s.tenantId().asc().name().asc())
                .send()
                .join()
                .items())
        .extracting(Variable::getName)
        .containsExactly("amount", "b", "c", "double");
  }

  @Test
  void anUnknownKeyIsNotFoundAndAnUnknownFilterRefused() {
    assertThatThrownBy(() -> client.newVariableGetRequest(1L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    RawApi api =
        new RawApi(
            port,
            environment.getProperty("landwatch.engine.api.username"),
            environment.getProperty("landwatch.engine.api.password"));
    var response =
        api.send(
            "POST",
            "/v2/variables/search",
            "application/json",
            "{\"filter\":{\"elementId\":\"x\"}}",
            null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RawApi.assertCleanProblem(response).path("detail").asText()).contains("elementId");
  }
}
