package landwatch.engine.conformance;

import static landwatch.engine.conformance.RecordLog.ACTIVATED;
import static landwatch.engine.conformance.RecordLog.ACTIVATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /process-instances/{key}/modification} through the client's
 * newModifyProcessInstanceCommand: the operator activates and terminates elements of a running
 * instance, as Zeebe documents it.
 */
class ProcessInstanceModificationTest extends EngineTest {

  /** start → a → b → end, each task a job of type {@code <id>-<task>}. */
  private static BpmnModelInstance twoTasks(String id) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("a", t -> t.zeebeJobType(id + "-a"))
        .serviceTask("b", t -> t.zeebeJobType(id + "-b"))
        .endEvent()
        .done();
  }

  private long activeInstanceOf(long processInstanceKey, String elementId) {
    return elements(processInstanceKey).stream()
        .filter(e -> e.getElementId().equals(elementId) && e.getState().name().equals("ACTIVE"))
        .map(ElementInstance::getElementInstanceKey)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void activatingAnElementAndTerminatingTheStuckOneMovesTheInstanceOn() {
    String id = uniqueId("move");
    deploy(twoTasks(id));
    long instance = start(id);
    long a = activeInstanceOf(instance, "a");

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("b")
        .and()
        .terminateElement(a)
        .send()
        .join();

    assertThat(elementIds(instance, "ACTIVE")).containsExactlyInAnyOrder("b");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("a");
    assertThat(activate(id + "-a", 1)).isEmpty();
    completeJob(id + "-b", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(recordLog(instance).intentsOfType("PROCESS_INSTANCE_MODIFICATION"))
        .containsExactly("MODIFIED");
  }

  @Test
  void anElementInsideASubProcessGetsItsFlowScopeCreatedWithoutItsStartEvent() {
    String id = uniqueId("inside");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(id + "-a"))
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("sub-start")
                        .serviceTask("x", t -> t.zeebeJobType(id + "-x"))
                        .serviceTask("y", t -> t.zeebeJobType(id + "-y"))
                        .endEvent("sub-end"))
            .endEvent()
            .done());
    long instance = start(id);

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("y")
        .and()
        .terminateElement(activeInstanceOf(instance, "a"))
        .send()
        .join();

    assertThat(elementIds(instance, "ACTIVE")).containsExactlyInAnyOrder("sub", "y");
    assertThat(recordLog(instance).intentsOf("sub")).containsExactly(ACTIVATING, ACTIVATED);
    completeJob(id + "-y", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "COMPLETED")).doesNotContain("sub-start", "x");
  }

  @Test
  void anElementIsActivatedInsideTheGivenAncestor() {
    String id = uniqueId("ancestor");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("x", t -> t.zeebeJobType(id + "-x"))
                        .serviceTask("y", t -> t.zeebeJobType(id + "-y"))
                        .endEvent())
            .endEvent()
            .done());
    long instance = start(id);
    long sub = activeInstanceOf(instance, "sub");

    client.newModifyProcessInstanceCommand(instance).activateElement("y", sub).send().join();

    assertThat(elementIds(instance, "ACTIVE")).containsExactlyInAnyOrder("sub", "x", "y");
    assertThat(activateOne(id + "-y").getElementInstanceKey())
        .isEqualTo(activeInstanceOf(instance, "y"));
  }

  @Test
  void aFlowScopeWithSeveralInstancesNeedsTheAncestorToChooseOne() {
    String id = uniqueId("several");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "loop",
                s ->
                    s.multiInstance(m -> m.zeebeInputCollectionExpression("[1, 2]"))
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("x", t -> t.zeebeJobType(id + "-x"))
                        .serviceTask("y", t -> t.zeebeJobType(id + "-y"))
                        .endEvent())
            .endEvent()
            .done());
    long instance = start(id);
    List<Long> inner =
        elements(instance).stream()
            .filter(
                e -> e.getElementId().equals("loop") && e.getType().name().equals("SUB_PROCESS"))
            .map(ElementInstance::getElementInstanceKey)
            .sorted()
            .toList();
    assertThat(inner).hasSize(2);

    ProblemException undecided =
        refused(client.newModifyProcessInstanceCommand(instance).activateElement("y"));
    assertThat(undecided.code()).isEqualTo(400);
    assertThat(undecided.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more activate"
                + " instructions for an element that has a flow scope with more than one active"
                + " instance: 'loop'. Can't decide in which instance of the flow scope the element"
                + " should be activated. Please specify an ancestor element instance key for this"
                + " activate instruction.",
            id);
    assertThat(elementIds(instance, "ACTIVE")).doesNotContain("y");

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("y", inner.get(1))
        .send()
        .join();

    // the second inner instance (keys grow) holds loopCounter 2
    ActivatedJob y = activateOne(id + "-y");
    assertThat(y.getVariablesAsMap()).containsEntry("loopCounter", 2);
  }

  @Test
  void variablesAreSetOnTheGivenScopesBeforeTheElementRuns() {
    String id = uniqueId("variables");
    deploy(twoTasks(id));
    long instance = start(id, Map.of("applicant", "Ada"));

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("b")
        .withVariables(Map.of("repaired", true))
        .withVariables(Map.of("note", "by the operator"), "b")
        .and()
        .terminateElement(activeInstanceOf(instance, "a"))
        .send()
        .join();

    Map<String, Object> seen = variablesSeenBy(id + "-b");
    assertThat(seen)
        .containsEntry("applicant", "Ada")
        .containsEntry("repaired", true)
        .containsEntry("note", "by the operator");
  }

  @Test
  void terminatingTheLastElementOfAScopeEndsTheScopeButNotWhatRunsBesideIt() {
    String id = uniqueId("last-child");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType(id + "-a"))
            .endEvent("end-a")
            .moveToNode("fork")
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("x", t -> t.zeebeJobType(id + "-x"))
                        .endEvent())
            .endEvent("end-sub")
            .done());
    long instance = start(id);

    client
        .newModifyProcessInstanceCommand(instance)
        .terminateElement(activeInstanceOf(instance, "x"))
        .send()
        .join();

    assertThat(elementIds(instance, "TERMINATED")).containsExactlyInAnyOrder("x", "sub");
    assertThat(elementIds(instance, "COMPLETED")).doesNotContain("end-sub");
    assertThat(processState(instance)).isEqualTo("ACTIVE");
    completeJob(id + "-a", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void terminatingTheOnlyRunningElementTerminatesTheInstance() {
    String id = uniqueId("terminate-all");
    deploy(twoTasks(id));
    long instance = start(id);

    client
        .newModifyProcessInstanceCommand(instance)
        .terminateElement(activeInstanceOf(instance, "a"))
        .send()
        .join();

    assertThat(processState(instance)).isEqualTo("TERMINATED");
    assertThat(activate(id + "-a", 1)).isEmpty();
  }

  private static ProblemException refused(FinalCommandStep<?> command) {
    try {
      command.send().join();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("expected the modification to be refused");
  }

  @Test
  void refusedModificationsAnswerWithZeebesReasonAndChangeNothing() {
    String id = uniqueId("refused");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .serviceTask("a", t -> t.zeebeJobType(id + "-a"))
            .serviceTask(
                "many",
                t ->
                    t.zeebeJobType(id + "-many")
                        .multiInstance(m -> m.zeebeInputCollectionExpression("[1, 2]")))
            .subProcess(
                "loop",
                s ->
                    s.multiInstance(m -> m.zeebeInputCollectionExpression("[1, 2]"))
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inner", t -> t.zeebeJobType(id + "-inner"))
                        .endEvent())
            .endEvent()
            .done());
    long instance = start(id);
    long a = activeInstanceOf(instance, "a");
    List<ElementInstance> before = elements(instance);

    ProblemException unknown =
        refused(
            client
                .newModifyProcessInstanceCommand(instance)
                .activateElement("nowhere")
                .and()
                .terminateElement(a));
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(unknown.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more activate"
                + " instructions with an element that could not be found: 'nowhere'",
            id);

    ProblemException startEvent =
        refused(client.newModifyProcessInstanceCommand(instance).activateElement("start"));
    assertThat(startEvent.code()).isEqualTo(400);
    assertThat(startEvent.details().getDetail())
        .startsWith(
            ("Expected to modify instance of process '%s' but it contains one or more activate"
                    + " instructions for elements that are unsupported: 'start'. The activation of"
                    + " elements with type 'START_EVENT' is not supported.")
                .formatted(id));

    ProblemException inner =
        refused(
            client
                .newModifyProcessInstanceCommand(instance)
                .activateElement("inner")
                .and()
                .terminateElement(a));
    assertThat(inner.code()).isEqualTo(400);
    assertThat(inner.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more activate"
                + " instructions that would result in the activation of multi-instance element"
                + " 'loop', which is currently unsupported.",
            id);

    ProblemException gone =
        refused(
            client
                .newModifyProcessInstanceCommand(instance)
                .activateElement("many")
                .and()
                .terminateElement(1234L));
    assertThat(gone.code()).isEqualTo(400);
    assertThat(gone.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more terminate"
                + " instructions with an element instance that could not be found: '1234'",
            id);

    ProblemException notAncestor =
        refused(client.newModifyProcessInstanceCommand(instance).activateElement("many", a));
    assertThat(notAncestor.code()).isEqualTo(400);
    assertThat(notAncestor.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more activate"
                + " instructions with an ancestor scope key that is not an ancestor of the element"
                + " to activate:%n- instance '%d' of element 'a' is not an ancestor of element"
                + " 'many'",
            id, a);

    ProblemException wrongScope =
        refused(
            client
                .newModifyProcessInstanceCommand(instance)
                .activateElement("many")
                .withVariables(Map.of("x", 1), "a"));
    assertThat(wrongScope.code()).isEqualTo(400);
    assertThat(wrongScope.details().getDetail())
        .isEqualTo(
            "Expected to modify instance of process '%s' but it contains one or more variable"
                + " instructions with a scope element that doesn't belong to the activating"
                + " element's flow scope. These variables should be set before or after the"
                + " modification.",
            id);

    assertThatThrownBy(
            () -> client.newModifyProcessInstanceCommand(42L).activateElement("a").send().join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getDetail())
                  .isEqualTo(
                      "Expected to modify process instance but no process instance found with key '42'");
            });

    assertThat(elements(instance))
        .extracting(ElementInstance::getElementInstanceKey, e -> e.getState().name())
        .containsExactlyElementsOf(
            before.stream()
                .map(e -> tuple(e.getElementInstanceKey(), e.getState().name()))
                .toList());
    assertThat(recordLog(instance).intentsOfType("PROCESS_INSTANCE_MODIFICATION")).isEmpty();
    completeJob(id + "-a", Map.of());
    assertThat(activate(id + "-many", 2)).hasSize(2);
  }
}
