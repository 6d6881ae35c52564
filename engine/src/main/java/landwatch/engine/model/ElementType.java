package landwatch.engine.model;

/** Zeebe's BpmnElementType names: they are what the REST API reports as an element's type. */
public enum ElementType {
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  START_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  END_EVENT,
  SERVICE_TASK,
  RECEIVE_TASK,
  USER_TASK,
  MANUAL_TASK,
  TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  EVENT_BASED_GATEWAY,
  INCLUSIVE_GATEWAY,
  SEQUENCE_FLOW,
  MULTI_INSTANCE_BODY,
  CALL_ACTIVITY,
  BUSINESS_RULE_TASK,
  SCRIPT_TASK,
  SEND_TASK;

  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
  }
}
