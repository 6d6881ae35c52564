package landwatch.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zeebe user task ({@code zeebe:userTask}): what its task is made of when the element is
 * activated. Every attribute is static or FEEL ({@code =…}) as Zeebe allows it, null when the model
 * has none. A user task without {@code zeebe:userTask} is job-based and has {@link
 * JobWorkerProperties} instead.
 *
 * @param candidateGroups static: comma-separated; FEEL: a list of strings
 * @param dueDate an ISO 8601 date-time (static) or a FEEL date-time or text
 * @param priority 0–100; {@link #DEFAULT_PRIORITY} when the model names none
 * @param form the linked form, or null
 * @param headers {@code zeebe:taskHeaders}, in the model's order
 * @param listeners {@code zeebe:taskListeners}, in the model's order
 */
public record UserTaskProperties(
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    Expression priority,
    Form form,
    Map<String, String> headers,
    List<TaskListener> listeners) {

  public static final int DEFAULT_PRIORITY = 50;

  public UserTaskProperties {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    listeners = List.copyOf(listeners);
  }

  /** The transitions a task listener can run before (Zeebe 8.8's event types). */
  public enum ListenerEventType {
    CREATING,
    ASSIGNING,
    UPDATING,
    COMPLETING,
    CANCELING
  }

  /** {@code zeebe:taskListener}: a job of {@code type} (static or FEEL) with these retries. */
  public record TaskListener(ListenerEventType eventType, Expression type, Expression retries) {}

  /** The listeners of one event type, in the order they run. */
  public List<TaskListener> listeners(ListenerEventType eventType) {
    return listeners.stream().filter(l -> l.eventType() == eventType).toList();
  }

  /** How a form deployed by id is chosen: Zeebe's {@code zeebe:formDefinition bindingType}. */
  public enum Binding {
    LATEST,
    DEPLOYMENT,
    VERSION_TAG
  }

  /**
   * {@code zeebe:formDefinition}: a deployed form by {@code formId} (chosen by {@code binding}), or
   * a reference the engine does not resolve ({@code externalReference}, static or FEEL, or the
   * legacy {@code formKey}), which the task carries as its external form reference.
   */
  public record Form(
      String formId, Binding binding, String versionTag, Expression externalReference) {}
}
