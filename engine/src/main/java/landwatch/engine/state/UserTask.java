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
   * Zeebe's user task states this engine stores: a transitional one (CREATING, ASSIGNING, UPDATING,
   * COMPLETING, CANCELING) lasts while the transition's task listeners run, else no longer than a
   * batch.
   */
  public enum State {
    CREATING,
    CREATED,
    ASSIGNING,
    UPDATING,
    COMPLETING,
    COMPLETED,
    CANCELING,
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

  /** The transition waiting for its task listeners, or null. */
  private Transition transition;

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
    this.transition = null;
    changed();
  }

  /** The task enters the transition's state until its listeners have run. */
  public void begin(Transition transition) {
    this.transition = transition;
    this.state = transition.state;
    changed();
  }

  /** The next listener of the transition runs; its corrections join the transition's changes. */
  public void listenerDone(Changes corrections) {
    transition.changes = transition.changes.with(corrections);
    transition.listener++;
    changed();
  }

  /**
   * The transition takes effect (its changes, corrections included, are applied) or is denied
   * (nothing is applied): the task is CREATED again, unless the caller ends it.
   */
  public void settle(boolean apply) {
    Changes changes = transition.changes;
    transition = null;
    state = State.CREATED;
    if (apply) {
      if (changes.assigneeChanged) {
        assignee = changes.assignee;
      }
      update(
          changes.dueDate,
          changes.followUpDate,
          changes.candidateGroups,
          changes.candidateUsers,
          changes.priority);
    }
    changed();
  }

  /** The transition waiting for its listeners, or null. */
  public Transition transition() {
    return transition;
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

  /**
   * What a command (or the task's creation) changes, and the corrections of its listeners: null
   * leaves an attribute as it is, an empty date clears it.
   */
  public static final class Changes {
    private String assignee;
    private boolean assigneeChanged;
    private String dueDate;
    private String followUpDate;
    private List<String> candidateGroups;
    private List<String> candidateUsers;
    private Integer priority;

    public static final Changes NONE = new Changes();

    private Changes() {}

    public Changes(
        String assignee,
        boolean assigneeChanged,
        String dueDate,
        String followUpDate,
        List<String> candidateGroups,
        List<String> candidateUsers,
        Integer priority) {
      this.assignee = assignee;
      this.assigneeChanged = assigneeChanged;
      this.dueDate = dueDate;
      this.followUpDate = followUpDate;
      this.candidateGroups = candidateGroups == null ? null : List.copyOf(candidateGroups);
      this.candidateUsers = candidateUsers == null ? null : List.copyOf(candidateUsers);
      this.priority = priority;
    }

    public static Changes assignee(String assignee) {
      return new Changes(assignee, true, null, null, null, null, null);
    }

    /** These changes, then the later ones over them. */
    Changes with(Changes later) {
      return new Changes(
          later.assigneeChanged ? later.assignee : assignee,
          assigneeChanged || later.assigneeChanged,
          later.dueDate != null ? later.dueDate : dueDate,
          later.followUpDate != null ? later.followUpDate : followUpDate,
          later.candidateGroups != null ? later.candidateGroups : candidateGroups,
          later.candidateUsers != null ? later.candidateUsers : candidateUsers,
          later.priority != null ? later.priority : priority);
    }

    public boolean assigneeChanged() {
      return assigneeChanged;
    }

    public String assignee() {
      return assignee;
    }

    public String dueDate() {
      return dueDate;
    }

    public String followUpDate() {
      return followUpDate;
    }

    public List<String> candidateGroups() {
      return candidateGroups;
    }

    public List<String> candidateUsers() {
      return candidateUsers;
    }

    public Integer priority() {
      return priority;
    }

    public boolean isEmpty() {
      return !assigneeChanged
          && dueDate == null
          && followUpDate == null
          && candidateGroups == null
          && candidateUsers == null
          && priority == null;
    }

    /** The names of the attributes these changes set, as Zeebe's changedAttributes. */
    public List<String> names() {
      List<String> names = new ArrayList<>();
      if (assigneeChanged) {
        names.add("assignee");
      }
      if (candidateGroups != null) {
        names.add("candidateGroupsList");
      }
      if (candidateUsers != null) {
        names.add("candidateUsersList");
      }
      if (dueDate != null) {
        names.add("dueDate");
      }
      if (followUpDate != null) {
        names.add("followUpDate");
      }
      if (priority != null) {
        names.add("priority");
      }
      return names;
    }
  }

  /**
   * A transition waiting for its task listeners: which one runs, the listeners' job types and
   * retries (evaluated when the transition began), what the command changes, the completion's
   * variables.
   */
  public static final class Transition {
    private State state;
    private String action;
    private List<String> listenerTypes;
    private List<Integer> listenerRetries;
    private int listener;
    private Changes changes;
    private Map<String, Object> variables;

    private Transition() {}

    public Transition(
        State state,
        String action,
        List<String> listenerTypes,
        List<Integer> listenerRetries,
        Changes changes,
        Map<String, Object> variables) {
      this.state = state;
      this.action = action;
      this.listenerTypes = List.copyOf(listenerTypes);
      this.listenerRetries = List.copyOf(listenerRetries);
      this.changes = changes;
      this.variables = variables == null ? Map.of() : new LinkedHashMap<>(variables);
    }

    public State state() {
      return state;
    }

    public String action() {
      return action;
    }

    /** The index of the listener to run, or the number of listeners when all have run. */
    public int listener() {
      return listener;
    }

    public boolean listenersDone() {
      return listener >= listenerTypes.size();
    }

    public String listenerType() {
      return listenerTypes.get(listener);
    }

    public int listenerRetries() {
      return listenerRetries.get(listener);
    }

    public Changes changes() {
      return changes;
    }

    public Map<String, Object> variables() {
      return Collections.unmodifiableMap(variables);
    }
  }

  /** When it was completed or canceled, else -1. */
  public long completionDate() {
    return completionDate;
  }
}
