package landwatch.engine.model.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What makes a model unacceptable, in the order found, worded as Zeebe's deployment words it. */
final class Problems {

  private final List<String> messages = new ArrayList<>();

  void add(String elementId, String reason) {
    messages.add("Element: " + elementId + " - " + reason);
  }

  /** A problem of the model as a whole, naming no element. */
  void addToModel(String message) {
    messages.add(message);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  List<String> list() {
    return Collections.unmodifiableList(messages);
  }
}
