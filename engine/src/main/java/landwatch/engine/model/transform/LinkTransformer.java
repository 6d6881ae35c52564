package landwatch.engine.model.transform;

import java.util.HashMap;
import java.util.Map;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ProcessBuilder;

/** Resolves every link throw event to the link catch event of its name in the same scope. */
final class LinkTransformer {

  /** Once the whole process is transformed: a link may jump backwards or forwards. */
  void resolve(ProcessBuilder process) {
    Map<String, ExecutableElement> catches = new HashMap<>();
    for (ExecutableElement element : process.elements()) {
      if (isLink(element, ElementType.INTERMEDIATE_CATCH_EVENT)) {
        catches.put(key(element), element);
      }
    }
    for (ExecutableElement element : process.elements()) {
      ExecutableElement target =
          isLink(element, ElementType.INTERMEDIATE_THROW_EVENT) ? catches.get(key(element)) : null;
      if (target != null) {
        process.setLinkTarget(element, target);
      }
    }
  }

  private static boolean isLink(ExecutableElement element, ElementType type) {
    return element.eventType == EventType.LINK && element.type == type;
  }

  private static String key(ExecutableElement element) {
    return element.flowScope.id + "/" + element.link.name();
  }
}
