package landwatch.engine.model.validation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;

/**
 * Link events pair up by name within their scope: one catch for a name, and one for every throw.
 */
final class LinkValidator {

  private final Problems problems;

  LinkValidator(Problems problems) {
    this.problems = problems;
  }

  /** Once the process's links are resolved. */
  void check(Collection<ExecutableElement> elements) {
    Set<String> caught = new HashSet<>();
    for (ExecutableElement element : elements) {
      if (isLink(element, ElementType.INTERMEDIATE_CATCH_EVENT)
          && !caught.add(element.flowScope.id + "/" + element.link.name())) {
        problems.add(
            element.id,
            "more than one link catch event named '" + element.link.name() + "' in the same scope");
      }
    }
    for (ExecutableElement element : elements) {
      if (isLink(element, ElementType.INTERMEDIATE_THROW_EVENT) && element.linkTarget() == null) {
        problems.add(
            element.id,
            "no link catch event named '" + element.link.name() + "' in the same scope");
      }
    }
  }

  private static boolean isLink(ExecutableElement element, ElementType type) {
    return element.eventType == EventType.LINK && element.type == type;
  }
}
