package landwatch.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deployed process, ready to execute. The root element has type {@link ElementType#PROCESS}. */
public final class ExecutableProcess {
  public final String bpmnProcessId;
  public final ExecutableElement root;
  public final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
  /** Process-level message, timer and signal start events, which create instances. */
  public final List<ExecutableElement> eventStartEvents = new ArrayList<>();
  /** {@code zeebe:versionTag}, or null. */
  public String versionTag;

  public ExecutableProcess(String bpmnProcessId, ExecutableElement root) {
    this.bpmnProcessId = bpmnProcessId;
    this.root = root;
  }

  public ExecutableElement element(String id) {
    ExecutableElement element = elements.get(id);
    if (element == null) {
      throw new IllegalArgumentException("no element " + id + " in process " + bpmnProcessId);
    }
    return element;
  }
}
