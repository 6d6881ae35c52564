package landwatch.engine.conformance;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Camunda Process Test 8.8 in its remote runtime mode against the embedded engine, written the way
 * Camunda users write process tests: every assertion family (process instance, elements, variables,
 * incidents, messages, user tasks, decisions), mocked workers, completing user tasks, {@code
 * increaseTime} and the coverage report ({@link ProcessTestCoverageCheck}). The runtime purges the
 * engine and resets its clock after every test through the management endpoints.
 */
@ExtendWith({ProcessTestCoverageCheck.class, ProcessTestEngine.class})
@CamundaProcessTest
class ProcessTestConformanceIT {

  static final String ORDER = "process-test-order";

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  private void deploy(BpmnModelInstance model, String resourceName) {
    client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
  }

  private void deployOrder() {
    deploy(
        Bpmn.createExecutableProcess(ORDER)
            .startEvent("received")
            .serviceTask(
                "check", t -> t.zeebeJobType("check").zeebeInputExpression("orderId", "order"))
            .exclusiveGateway("decide")
            .condition("=approved")
            .intermediateCatchEvent(
                "paid",
                e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId")))
            .endEvent("done")
            .moveToNode("decide")
            .condition("=not(approved)")
            .endEvent("rejected")
            .done(),
        "order.bpmn");
  }

  private ProcessInstanceEvent startOrder(String orderId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ORDER)
        .latestVersion()
        .variables(Map.of("orderId", orderId))
        .send()
        .join();
  }

  @Test
  void aMockedWorkerAndAMessageCarryTheOrderThrough() {
    deployOrder();
    processTestContext.mockJobWorker("check").thenComplete(Map.of("approved", true));

    ProcessInstanceEvent order = startOrder("o-1");

    assertThat(order)
        .isActive()
        .hasCompletedElements("received", "check", "decide")
        .hasActiveElements("paid")
        .hasNotActivatedElements("rejected")
        .isWaitingForMessage("paid", "o-1")
        .hasVariableNames("orderId", "approved")
        .hasVariable("approved", true)
        .hasVariables(Map.of("orderId", "o-1", "approved", true))
        .hasLocalVariable("check", "order", "o-1")
        .hasNoActiveIncidents();

    client.newPublishMessageCommand().messageName("paid").correlationKey("o-1").send().join();

    assertThat(order)
        .isCompleted()
        .hasCorrelatedMessage("paid", "o-1")
        // CPT 8.8's one-argument form looks for any subscription of that name, correlated ones too
        .isNotWaitingForMessage("paid", "o-1")
        .hasCompletedElementsInOrder("received", "check", "decide", "paid", "done")
        .hasNotActivatedElements("rejected");
  }

  @Test
  void aRejectedOrderEndsWithoutWaitingForPayment() {
    deployOrder();
    processTestContext.mockJobWorker("check").thenComplete(Map.of("approved", false));

    ProcessInstanceEvent order = startOrder("o-2");

    assertThat(order)
        .isCompleted()
        .hasCompletedElements("rejected")
        .hasNotActivatedElements("paid", "done")
        .hasVariable("approved", false);
  }

  @Test
  void aFailingJobRaisesAnIncidentAndCancellingTerminatesTheInstance() {
    deploy(
        Bpmn.createExecutableProcess("process-test-risky")
            .startEvent()
            .serviceTask("risky", t -> t.zeebeJobType("risky"))
            .endEvent()
            .done(),
        "risky.bpmn");
    processTestContext
        .mockJobWorker("risky")
        .withHandler(
            (jobClient, job) ->
                jobClient.newFailCommand(job).retries(0).errorMessage("boom").send().join());
    ProcessInstanceEvent risky =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("process-test-risky")
            .latestVersion()
            .send()
            .join();

    assertThat(risky).isActive().hasActiveIncidents().hasActiveElements("risky");

    client.newCancelInstanceCommand(risky.getProcessInstanceKey()).send().join();

    assertThat(risky).isTerminated().hasTerminatedElements("risky");
  }

  @Test
  void increaseTimeFiresTheTimerAndABpmnErrorTakesTheBoundary() {
    deploy(
        Bpmn.createExecutableProcess("process-test-reminder")
            .startEvent()
            .intermediateCatchEvent("twoHours", e -> e.timerWithDuration("PT2H"))
            .serviceTask("remind", t -> t.zeebeJobType("remind"))
            .boundaryEvent("unreachable", b -> b.error("NO_ADDRESS"))
            .endEvent("givenUp")
            .moveToActivity("remind")
            .endEvent("reminded")
            .done(),
        "reminder.bpmn");
    processTestContext.mockJobWorker("remind").thenThrowBpmnError("NO_ADDRESS");
    ProcessInstanceEvent reminder =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("process-test-reminder")
            .latestVersion()
            .send()
            .join();
    assertThat(reminder).isActive().hasActiveElements("twoHours");

    processTestContext.increaseTime(Duration.ofHours(2));

    assertThat(reminder)
        .isCompleted()
        .hasCompletedElements("twoHours", "unreachable", "givenUp")
        .hasTerminatedElements("remind")
        .hasNotActivatedElements("reminded");
  }

  @Test
  void aDecisionSuggestsTheVerdictAndAnOfficerConfirmsItInAUserTask() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("dmn/business-rules.dmn")
        .send()
        .join();
    deploy(
        Bpmn.createExecutableProcess("process-test-judgment")
            .startEvent("reported")
            .businessRuleTask(
                "judge", t -> t.zeebeCalledDecisionId("brtVerdict").zeebeResultVariable("verdict"))
            .userTask(
                "review",
                t ->
                    t.name("Review the verdict")
                        .zeebeUserTask()
                        .zeebeCandidateGroups("city-reviewers")
                        .zeebeAssigneeExpression("officer")
                        .zeebeTaskPriority("70"))
            .endEvent("filed")
            .done(),
        "judgment.bpmn");

    ProcessInstanceEvent spot =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("process-test-judgment")
            .latestVersion()
            .variables(Map.of("area", 250, "officer", "li.ming"))
            .send()
            .join();

    assertThat(DecisionSelectors.byId("brtVerdict"))
        .isEvaluated()
        .hasOutput("illegal")
        .hasMatchedRules(2)
        .hasNotMatchedRules(1);
    assertThat(UserTaskSelectors.byElementId("review"))
        .isCreated()
        .hasName("Review the verdict")
        .hasCandidateGroup("city-reviewers")
        .hasAssignee("li.ming")
        .hasPriority(70)
        .hasProcessInstanceKey(spot.getProcessInstanceKey());
    assertThat(spot).hasActiveElements("review").hasVariable("verdict", "illegal");

    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId("review"), Map.of("confirmed", true));

    assertThat(UserTaskSelectors.byElementId("review")).isCompleted();
    assertThat(spot)
        .isCompleted()
        .hasCompletedElements("judge", "review", "filed")
        .hasVariable("confirmed", true);
  }
}
