package landwatch.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of a deployed process, transformed from the BPMN model into what execution needs.
 * Built once by {@link ProcessTransformer} and never changed afterwards.
 */
public final class ExecutableElement {
  public final String id;
  public final String name;
  public final ElementType type;
  public EventType eventType = EventType.NONE;
  public ExecutableElement flowScope;

  public final List<ExecutableFlow> incoming = new ArrayList<>();
  public final List<ExecutableFlow> outgoing = new ArrayList<>();
  public ExecutableFlow defaultFlow;

  public final List<Mapping> inputs = new ArrayList<>();
  public final List<Mapping> outputs = new ArrayList<>();

  /** Job-based elements: {@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}. */
  public Expression jobType;
  public Expression jobRetries;
  public final Map<String, String> taskHeaders = new LinkedHashMap<>();

  /** Script task: {@code zeebe:script}. */
  public Expression script;
  public String resultVariable;

  /** Message events and receive tasks. */
  public Expression messageName;
  public Expression correlationKey;

  /** Timer events: exactly one of these. */
  public Expression timeDate;
  public Expression timeDuration;
  public Expression timeCycle;

  /** Error (code) and escalation (code) events; null code catches every error/escalation. */
  public Expression errorCode;
  public Expression escalationCode;
  public Expression signalName;
  public String linkName;

  /** Boundary events. */
  public ExecutableElement attachedTo;
  public boolean interrupting = true;
  public final List<ExecutableElement> boundaryEvents = new ArrayList<>();

  /** Containers: process, sub-process, event sub-process. */
  public final List<ExecutableElement> children = new ArrayList<>();
  public ExecutableElement noneStartEvent;
  public final List<ExecutableElement> eventSubProcesses = new ArrayList<>();
  /** Event sub-process: its single start event. */
  public ExecutableElement eventStart;

  /** Call activity. */
  public Expression calledProcessId;
  public boolean propagateAllChildVariables = true;
  public boolean propagateAllParentVariables = true;
  /** latest, deployment (the version deployed with the caller) or versionTag. */
  public String calledBinding = "latest";
  public String calledVersionTag;

  /** User task: executed by a later part of the engine; a job-based user task is a job. */
  public boolean zeebeUserTask;

  public LoopCharacteristics loop;

  public ExecutableElement(String id, String name, ElementType type) {
    this.id = id;
    this.name = name;
    this.type = type;
  }

  public boolean isJobBased() {
    return jobType != null;
  }

  public boolean isMultiInstance() {
    return loop != null;
  }

  /** The link catch event a link throw event jumps to, resolved at deployment. */
  public ExecutableElement linkTarget;

  private Set<ExecutableElement> reachable;

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
}
