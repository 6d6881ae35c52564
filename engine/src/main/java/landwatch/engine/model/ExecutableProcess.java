package landwatch.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deployed process, ready to execute. The root element has type {@link ElementType#PROCESS}. */
public final class ExecutableProcess {
  public final String bpmnProcessId;
  public final ExecutableElement root;
  private final Map<String, ExecutableElement> elementsById = new LinkedHashMap<>();

  /** Every element of the process by id, the process itself included, in the order of the model. */
  public final Map<String, ExecutableElement> elements = Collections.unmodifiableMap(elementsById);

  private final List<ExecutableElement> processStartEvents = new ArrayList<>();

  /** Process-level message, timer and signal start events, which create instances. */
  public final List<ExecutableElement> eventStartEvents =
      Collections.unmodifiableList(processStartEvents);

  /** {@code zeebe:versionTag}, or null. */
  public final String versionTag;

  ExecutableProcess(String bpmnProcessId, ExecutableElement root, String versionTag) {
    this.bpmnProcessId = bpmnProcessId;
    this.root = root;
    this.versionTag = versionTag;
    elementsById.put(root.id, root);
  }

  public ExecutableElement element(String id) {
    ExecutableElement element = elementsById.get(id);
    if (element == null) {
      throw new IllegalArgumentException("no element " + id + " in process " + bpmnProcessId);
    }
    return element;
  }

  void add(ExecutableElement element) {
    elementsById.put(element.id, element);
  }

  void addEventStartEvent(ExecutableElement start) {
    processStartEvents.add(start);
  }
}
