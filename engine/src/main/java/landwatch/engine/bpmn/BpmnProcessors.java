package landwatch.engine.bpmn;

import java.util.EnumMap;
import java.util.Map;
import landwatch.engine.model.ElementType;

/** One processor per element type; filled once at start-up. */
public final class BpmnProcessors {

  private final Map<ElementType, BpmnElementProcessor> processors =
      new EnumMap<>(ElementType.class);

  public void register(ElementType type, BpmnElementProcessor processor) {
    processors.put(type, processor);
  }

  public BpmnElementProcessor of(ElementType type) {
    BpmnElementProcessor processor = processors.get(type);
    if (processor == null) {
      throw new IllegalStateException("no processor for " + type);
    }
    return processor;
  }

  public BpmnContainerProcessor container(ElementType type) {
    return (BpmnContainerProcessor) of(type);
  }
}
