package landwatch.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One element of a deployed process, transformed from the BPMN model into what execution needs.
 * Added to its process by a {@link ProcessBuilder} and never changed once the process is built.
 *
 * <p>What the element is comes with it: its identity, scope, mappings, and the typed properties of
 * its kind, each null for elements of other kinds. Execution reads them as plain fields on every
 * step. The graph around it (flows, boundary events, a scope's children and start events, a link's
 * target) is wired by the builder while the rest of the process is transformed.
 */
public final class ExecutableElement {
  public final String id;
  public final String name;
  public final ElementType type;

  /** The event definition it carries (a receive task waits for a message); NONE for the others. */
  public final EventType eventType;

  /** The scope it runs in; null for the process. */
  public final ExecutableElement flowScope;

  private final List<ExecutableFlow> incomingFlows = new ArrayList<>();
  private final List<ExecutableFlow> outgoingFlows = new ArrayList<>();
  public final List<ExecutableFlow> incoming = Collections.unmodifiableList(incomingFlows);
  public final List<ExecutableFlow> outgoing = Collections.unmodifiableList(outgoingFlows);
  private ExecutableFlow defaultFlow;

  public final List<Mapping> inputs;
  public final List<Mapping> outputs;

  /**
   * Job-based elements: service and send tasks, script and business-rule tasks with a {@code
   * zeebe:taskDefinition}, job-based user tasks, message throw events. A business-rule task calling
   * a decision has none.
   */
  public final JobWorkerProperties job;

  /** Script tasks with {@code zeebe:script}. */
  public final ScriptProperties script;

  /** Zeebe user tasks, which are not executed yet: they wait activated. */
  public final UserTaskProperties userTask;

  /** A none start event's form ({@code zeebe:formDefinition}), or null. */
  public final UserTaskProperties.Form form;

  /** Call activities. */
  public final CalledElement calledElement;

  /** Business-rule tasks with {@code zeebe:calledDecision}. */
  public final CalledDecision calledDecision;

  /** Multi-instance activities. */
  public final LoopCharacteristics loop;

  /**
   * Event definitions, matching {@link #eventType}; a message throw event has none, being
   * job-based.
   */
  public final MessageDefinition message;

  public final TimerDefinition timer;
  public final ErrorDefinition error;
  public final EscalationDefinition escalation;
  public final SignalDefinition signal;
  public final LinkDefinition link;

  /**
   * Boundary events, event sub-processes and their start events: whether triggering them interrupts
   * the activity or the scope; true for every other element.
   */
  public final boolean interrupting;

  /** Boundary events: the activity they are attached to. */
  public final ExecutableElement attachedTo;

  private final List<ExecutableElement> attachedBoundaryEvents = new ArrayList<>();

  /** Activities: the boundary events attached to them. */
  public final List<ExecutableElement> boundaryEvents =
      Collections.unmodifiableList(attachedBoundaryEvents);

  private final List<ExecutableElement> scopeChildren = new ArrayList<>();
  private final List<ExecutableElement> scopeEventSubProcesses = new ArrayList<>();

  /**
   * Containers (process, sub-process, event sub-process): their flow nodes, event sub-processes
   * aside.
   */
  public final List<ExecutableElement> children = Collections.unmodifiableList(scopeChildren);

  public final List<ExecutableElement> eventSubProcesses =
      Collections.unmodifiableList(scopeEventSubProcesses);
  private ExecutableElement noneStartEvent;
  private ExecutableElement eventStart;

  private ExecutableElement linkTarget;

  private Set<ExecutableElement> reachable;

  ExecutableElement(Builder builder) {
    this.id = builder.id;
    this.name = builder.name;
    this.type = builder.type;
    this.eventType = builder.eventType;
    this.flowScope = builder.flowScope;
    this.inputs = List.copyOf(builder.inputs);
    this.outputs = List.copyOf(builder.outputs);
    this.job = builder.job;
    this.script = builder.script;
    this.userTask = builder.userTask;
    this.form = builder.form;
    this.calledElement = builder.calledElement;
    this.calledDecision = builder.calledDecision;
    this.loop = builder.loop;
    this.message = builder.message;
    this.timer = builder.timer;
    this.error = builder.error;
    this.escalation = builder.escalation;
    this.signal = builder.signal;
    this.link = builder.link;
    this.interrupting = builder.interrupting;
    this.attachedTo = builder.attachedTo;
  }

  public boolean isJobBased() {
    return job != null;
  }

  public boolean isMultiInstance() {
    return loop != null;
  }

  /** Exclusive and inclusive gateways: the flow taken when no condition holds, or null. */
  public ExecutableFlow defaultFlow() {
    return defaultFlow;
  }

  /** Containers: the none start event an activation starts at, or null. */
  public ExecutableElement noneStartEvent() {
    return noneStartEvent;
  }

  /** Event sub-processes: the start event whose event triggers them. */
  public ExecutableElement eventStart() {
    return eventStart;
  }

  /** Link throw events: the link catch event they continue at, resolved at deployment. */
  public ExecutableElement linkTarget() {
    return linkTarget;
  }

  /**
   * The elements of the same scope a token here can still get to: along outgoing flows, through
   * boundary events and link events. Inclusive joins use it to know which flows may still come.
   */
  public synchronized Set<ExecutableElement> reachable() {
    if (reachable == null) {
      Set<ExecutableElement> found = new HashSet<>();
      Deque<ExecutableElement> next = new ArrayDeque<>(List.of(this));
      while (!next.isEmpty()) {
        ExecutableElement element = next.poll();
        List<ExecutableElement> successors = new ArrayList<>();
        element.outgoing.forEach(f -> successors.add(f.target));
        successors.addAll(element.boundaryEvents);
        if (element.linkTarget != null) {
          successors.add(element.linkTarget);
        }
        for (ExecutableElement successor : successors) {
          if (found.add(successor)) {
            next.add(successor);
          }
        }
      }
      reachable = found;
    }
    return reachable;
  }

  void addIncoming(ExecutableFlow flow) {
    incomingFlows.add(flow);
  }

  void addOutgoing(ExecutableFlow flow) {
    outgoingFlows.add(flow);
  }

  void setDefaultFlow(ExecutableFlow flow) {
    defaultFlow = flow;
  }

  void addBoundaryEvent(ExecutableElement boundaryEvent) {
    attachedBoundaryEvents.add(boundaryEvent);
  }

  void addChild(ExecutableElement child) {
    scopeChildren.add(child);
  }

  void addEventSubProcess(ExecutableElement eventSubProcess) {
    scopeEventSubProcesses.add(eventSubProcess);
  }

  void setNoneStartEvent(ExecutableElement start) {
    noneStartEvent = start;
  }

  void setEventStart(ExecutableElement start) {
    eventStart = start;
  }

  void setLinkTarget(ExecutableElement target) {
    linkTarget = target;
  }

  /**
   * What the transformation reads from one BPMN flow node, before {@link ProcessBuilder#add} makes
   * it an element of the process. Unset properties are those of other kinds of element.
   */
  public static final class Builder {
    private final String id;
    private final String name;
    private final ElementType type;
    private final ExecutableElement flowScope;
    private EventType eventType = EventType.NONE;
    private List<Mapping> inputs = List.of();
    private List<Mapping> outputs = List.of();
    private JobWorkerProperties job;
    private ScriptProperties script;
    private UserTaskProperties userTask;
    private UserTaskProperties.Form form;
    private CalledElement calledElement;
    private CalledDecision calledDecision;
    private LoopCharacteristics loop;
    private MessageDefinition message;
    private TimerDefinition timer;
    private ErrorDefinition error;
    private EscalationDefinition escalation;
    private SignalDefinition signal;
    private LinkDefinition link;
    private boolean interrupting = true;
    private ExecutableElement attachedTo;

    public Builder(String id, String name, ElementType type, ExecutableElement flowScope) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.flowScope = flowScope;
    }

    public ExecutableElement flowScope() {
      return flowScope;
    }

    public Builder eventType(EventType eventType) {
      this.eventType = eventType;
      return this;
    }

    public Builder mappings(List<Mapping> inputs, List<Mapping> outputs) {
      this.inputs = inputs;
      this.outputs = outputs;
      return this;
    }

    public Builder job(JobWorkerProperties job) {
      this.job = job;
      return this;
    }

    public Builder script(ScriptProperties script) {
      this.script = script;
      return this;
    }

    public Builder userTask(UserTaskProperties userTask) {
      this.userTask = userTask;
      return this;
    }

    public Builder form(UserTaskProperties.Form form) {
      this.form = form;
      return this;
    }

    public Builder calledElement(CalledElement calledElement) {
      this.calledElement = calledElement;
      return this;
    }

    public Builder calledDecision(CalledDecision calledDecision) {
      this.calledDecision = calledDecision;
      return this;
    }

    public Builder loop(LoopCharacteristics loop) {
      this.loop = loop;
      return this;
    }

    public Builder message(MessageDefinition message) {
      this.message = message;
      return this;
    }

    public Builder timer(TimerDefinition timer) {
      this.timer = timer;
      return this;
    }

    public Builder error(ErrorDefinition error) {
      this.error = error;
      return this;
    }

    public Builder escalation(EscalationDefinition escalation) {
      this.escalation = escalation;
      return this;
    }

    public Builder signal(SignalDefinition signal) {
      this.signal = signal;
      return this;
    }

    public Builder link(LinkDefinition link) {
      this.link = link;
      return this;
    }

    public Builder interrupting(boolean interrupting) {
      this.interrupting = interrupting;
      return this;
    }

    public Builder attachedTo(ExecutableElement attachedTo) {
      this.attachedTo = attachedTo;
      return this;
    }
  }
}
