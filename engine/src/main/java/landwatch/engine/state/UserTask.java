package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task of an activated Zeebe user task: what a tasklist shows and changes. Its row of {@code
 * engine.user_task} is written whenever it changes and stays as history once the task is completed
 * or canceled. Dates the model or an update sets are kept as the ISO 8601 text given (the API
 * answers them so) and as epoch milliseconds (the columns searches filter on).
 */
public final class UserTask extends StateRow {

  /**
   * Zeebe's user task states this engine stores: the transitional ones last no longer than a batch.
   */
  public enum State {
    CREATED,
    COMPLETED,
    CANCELED
  }

  private long key;
  private State state = State.CREATED;
  private long elementInstanceKey;
  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private int version;
  private String elementId;
  private String name;
  private String assignee;
  private List<String> candidateGroups = new ArrayList<>();
  private List<String> candidateUsers = new ArrayList<>();
  private String dueDate;
  private String followUpDate;
  private int priority;
  private long formKey = -1;
  private String externalFormReference;
  private Map<String, String> customHeaders = new LinkedHashMap<>();
  private long creationDate;
  private long completionDate = -1;

  /** For reading rows. */
  private UserTask() {}

  /** A new task of the element instance, CREATED, with the attributes its model gave it. */
  public UserTask(
      long key, ElementInstance instance, String name, Attributes attributes, long now) {
    this.key = key;
    this.elementInstanceKey = instance.key();
    this.processInstanceKey = instance.processInstanceKey();
    this.processDefinitionKey = instance.processDefinitionKey();
    this.bpmnProcessId = instance.bpmnProcessId();
    this.version = instance.version();
    this.elementId = instance.elementId();
    this.name = name;
    this.assignee = attributes.assignee();
    this.candidateGroups = new ArrayList<>(attributes.candidateGroups());
    this.candidateUsers = new ArrayList<>(attributes.candidateUsers());
    this.dueDate = attributes.dueDate();
    this.followUpDate = attributes.followUpDate();
    this.priority = attributes.priority();
    this.formKey = attributes.formKey();
    this.externalFormReference = attributes.externalFormReference();
    this.customHeaders = new LinkedHashMap<>(attributes.customHeaders());
    this.creationDate = now;
  }

  /** What a task is created with; null where the model sets nothing. */
  public record Attributes(
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String dueDate,
      String followUpDate,
      int priority,
      long formKey,
      String externalFormReference,
      Map<String, String> customHeaders) {}

  /** Null unassigns. */
  public void assign(String assignee) {
    this.assignee = assignee;
    changed();
  }

  /** The changeset of an update: null leaves an attribute as it is, an empty date clears it. */
  public void update(
      String dueDate,
      String followUpDate,
      List<String> candidateGroups,
      List<String> candidateUsers,
      Integer priority) {
    if (dueDate != null) {
      this.dueDate = dueDate.isEmpty() ? null : dueDate;
    }
    if (followUpDate != null) {
      this.followUpDate = followUpDate.isEmpty() ? null : followUpDate;
    }
    if (candidateGroups != null) {
      this.candidateGroups = new ArrayList<>(candidateGroups);
    }
    if (candidateUsers != null) {
      this.candidateUsers = new ArrayList<>(candidateUsers);
    }
    if (priority != null) {
      this.priority = priority;
    }
    changed();
  }

  /** A process instance migration moved the task's element to another process version. */
  public void migrateTo(
      long processDefinitionKey, String bpmnProcessId, int version, String elementId) {
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    changed();
  }

  void end(State state, long now) {
    this.state = state;
    this.completionDate = now;
    changed();
  }

  @Override
  public long key() {
    return key;
  }

  public State state() {
    return state;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public int version() {
    return version;
  }

  public String elementId() {
    return elementId;
  }

  public String name() {
    return name;
  }

  /** Null when unassigned. */
  public String assignee() {
    return assignee;
  }

  public List<String> candidateGroups() {
    return Collections.unmodifiableList(candidateGroups);
  }

  public List<String> candidateUsers() {
    return Collections.unmodifiableList(candidateUsers);
  }

  public String dueDate() {
    return dueDate;
  }

  public String followUpDate() {
    return followUpDate;
  }

  public int priority() {
    return priority;
  }

  /** The linked deployed form, or -1. */
  public long formKey() {
    return formKey;
  }

  public String externalFormReference() {
    return externalFormReference;
  }

  public Map<String, String> customHeaders() {
    return Collections.unmodifiableMap(customHeaders);
  }

  public long creationDate() {
    return creationDate;
  }

  /** When it was completed or canceled, else -1. */
  public long completionDate() {
    return completionDate;
  }
}
