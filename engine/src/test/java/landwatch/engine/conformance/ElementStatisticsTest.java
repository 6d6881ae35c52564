package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Element statistics per process definition and per instance: the diagram overlays. */
class ElementStatisticsTest extends EngineTest {

  private String counts(List<ProcessElementStatistics> statistics) {
    return statistics.stream()
        .map(
            s ->
                s.getElementId()
                    + " a"
                    + s.getActive()
                    + " c"
                    + s.getCompleted()
                    + " x"
                    + s.getCanceled()
                    + " i"
                    + s.getIncidents())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  @Test
  void activeCompletedCanceledAndIncidentsAreCountedPerElement() {
    String id = uniqueId("stats");
    long definition =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent("start")
                .serviceTask("task", t -> t.zeebeJobType(id))
                .endEvent("end")
                .done());
    long done = start(id);
    completeJob(id, Map.of());
    long active = start(id);
    long canceled = start(id);
    client.newCancelInstanceCommand(canceled).send().join();
    long failed = start(id);
    var job =
        activate(id, 10).stream().filter(j -> j.getProcessInstanceKey() == failed).findFirst();
    client.newFailCommand(job.get().getKey()).retries(0).errorMessage("boom").send().join();

    assertThat(processState(done)).isEqualTo("COMPLETED");
    assertThat(
            counts(client.newProcessDefinitionElementStatisticsRequest(definition).send().join()))
        .isEqualTo("end a0 c1 x0 i0, start a0 c4 x0 i0, task a1 c1 x1 i1");
    assertThat(
            counts(
                client
                    .newProcessDefinitionElementStatisticsRequest(definition)
                    .filter(f -> f.state(ProcessInstanceState.ACTIVE).hasIncident(false))
                    .send()
                    .join()))
        .isEqualTo("start a0 c1 x0 i0, task a1 c0 x0 i0");
    assertThat(counts(client.newProcessInstanceElementStatisticsRequest(failed).send().join()))
        .isEqualTo("start a0 c1 x0 i0, task a0 c0 x0 i1");
    assertThat(counts(client.newProcessInstanceElementStatisticsRequest(active).send().join()))
        .isEqualTo("start a0 c1 x0 i0, task a1 c0 x0 i0");
  }
}
