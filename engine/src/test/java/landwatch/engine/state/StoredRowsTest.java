package landwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import landwatch.engine.model.ElementType;
import org.junit.jupiter.api.Test;

/**
 * The rows' JSON is the stored format: rows written before the fields became private read back into
 * the same objects and write the same JSON, field for field. The strings are what the engine wrote
 * when its rows had public fields.
 */
class StoredRowsTest {

  private static final String ELEMENT_INSTANCE =
      "{\"key\":10,\"processInstanceKey\":1,\"processDefinitionKey\":2,\"bpmnProcessId\":\"p\","
          + "\"version\":3,\"elementId\":\"task\",\"type\":\"SERVICE_TASK\",\"state\":\"ELEMENT_ACTIVATED\","
          + "\"flowScopeKey\":1,\"parentProcessInstanceKey\":-1,\"parentElementInstanceKey\":-1,"
          + "\"startDate\":100,\"incidentKey\":11,\"jobKey\":12,\"activeChildren\":0,"
          + "\"joinTokens\":{\"g/f\":1},\"calledInstanceKey\":-1,\"loopCounter\":2,\"loopTotal\":3,"
          + "\"loopCompleted\":1,\"loopCompletionConditionMet\":true,\"outputCollectionBytes\":40,"
          + "\"triggerElementId\":\"boundary\",\"triggerVariables\":{\"x\":1},"
          + "\"interruptedByEventSubProcess\":true,\"startCorrelationKey\":\"ck\","
          + "\"failedStep\":\"ACTIVATE\"}";

  private static final String JOB =
      "{\"key\":12,\"type\":\"t\",\"state\":\"ACTIVATABLE\",\"retries\":3,\"worker\":\"\","
          + "\"deadline\":-1,\"retryBackoffUntil\":-1,\"errorMessage\":\"\",\"customHeaders\":{\"h\":\"v\"},"
          + "\"elementInstanceKey\":10,\"processInstanceKey\":1,\"processDefinitionKey\":2,"
          + "\"bpmnProcessId\":\"p\",\"version\":3,\"elementId\":\"task\"}";

  private static final String TIMER =
      "{\"key\":13,\"elementInstanceKey\":10,\"processInstanceKey\":1,\"processDefinitionKey\":2,"
          + "\"bpmnProcessId\":\"p\",\"targetElementId\":\"timer\",\"dueDate\":500,\"repetitions\":-1,"
          + "\"interval\":\"PT1M\"}";

  private static final String EVENT_SUBSCRIPTION =
      "{\"key\":14,\"kind\":\"MESSAGE\",\"name\":\"m\",\"correlationKey\":\"ck\","
          + "\"elementInstanceKey\":10,\"processInstanceKey\":1,\"processDefinitionKey\":2,"
          + "\"bpmnProcessId\":\"p\",\"targetElementId\":\"catch\",\"interrupting\":false}";

  private static final String MESSAGE =
      "{\"key\":15,\"name\":\"m\",\"correlationKey\":\"ck\",\"messageId\":\"id\","
          + "\"variables\":{\"v\":true},\"deadline\":900,\"correlatedInstances\":[1],"
          + "\"startedProcesses\":[\"p\"]}";

  private static final String INCIDENT =
      "{\"key\":16,\"errorType\":\"JOB_NO_RETRIES\",\"errorMessage\":\"boom\",\"state\":\"ACTIVE\","
          + "\"elementInstanceKey\":10,\"processInstanceKey\":1,\"processDefinitionKey\":2,"
          + "\"bpmnProcessId\":\"p\",\"elementId\":\"task\",\"jobKey\":12,\"creationTime\":700}";

  @Test
  void storedRowsReadBackAndWriteTheSameJson() {
    assertThat(EngineJson.write(EngineJson.read(ELEMENT_INSTANCE, ElementInstance.class)))
        .isEqualTo(ELEMENT_INSTANCE);
    assertThat(EngineJson.write(EngineJson.read(JOB, Job.class))).isEqualTo(JOB);
    assertThat(EngineJson.write(EngineJson.read(TIMER, Timer.class))).isEqualTo(TIMER);
    assertThat(EngineJson.write(EngineJson.read(EVENT_SUBSCRIPTION, EventSubscription.class)))
        .isEqualTo(EVENT_SUBSCRIPTION);
    assertThat(EngineJson.write(EngineJson.read(MESSAGE, Message.class))).isEqualTo(MESSAGE);
    assertThat(EngineJson.write(EngineJson.read(INCIDENT, Incident.class))).isEqualTo(INCIDENT);
  }

  @Test
  void anInstanceBuiltThroughItsMutatorsWritesTheStoredFields() {
    ElementInstance scope = ElementInstance.processInstance(1, StateFixtures.PROCESS, 50);
    ElementInstance instance =
        ElementInstance.child(10, scope, "task", ElementType.SERVICE_TASK, 100);
    instance.transitionTo(ElementState.ELEMENT_ACTIVATED);
    instance.setIncidentKey(11);
    instance.setJobKey(12);
    instance.addJoinToken("g/f");
    instance.setLoopCounter(2);
    instance.setLoopTotal(3);
    instance.loopIterationCompleted(true);
    instance.setOutputCollectionBytes(40);
    instance.setTriggerElementId("boundary");
    instance.setTriggerVariables(Map.of("x", 1));
    instance.setInterruptedByEventSubProcess(true);
    instance.setStartCorrelationKey("ck");
    instance.setFailedStep("ACTIVATE");

    assertThat(EngineJson.write(instance)).isEqualTo(ELEMENT_INSTANCE);
  }
}
