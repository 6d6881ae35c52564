package landwatch.engine.dmn;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.dmn.parser.ExpressionFailure;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.feel.syntaxtree.Ref;
import scala.Product;
import scala.collection.IterableOnce;

/**
 * The names a decision requirements graph's FEEL expressions reference at their root. The DMN
 * engine merges every context entry into each expression's scope, so a business-rule task in a
 * process with many variables paid for all of them in every cell of every table; given only the
 * referenced ones, each evaluation sees the same values. FEEL has no way to reach a root variable
 * other than by its name, so the names found are all an evaluation can read.
 */
final class DrgReferences {

  private final Set<String> names = new LinkedHashSet<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean complete = true;

  private DrgReferences() {}

  /** The referenced names, or empty when an expression could not be parsed (all are passed). */
  static Optional<Set<String>> of(ParsedDmn dmn) {
    DrgReferences references = new DrgReferences();
    references.walk(dmn);
    return references.complete ? Optional.of(Set.copyOf(references.names)) : Optional.empty();
  }

  /** Iteratively: a hostile resource may nest its expressions deeper than the stack allows. */
  private void walk(Object root) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (node instanceof String || !visited.add(node)) {
        continue;
      }
      if (node instanceof Ref ref) {
        names.add(ref.names().head());
      } else if (node instanceof ExpressionFailure) {
        complete = false;
      } else if (node instanceof IterableOnce<?> many) {
        many.iterator().foreach(child -> push(pending, child));
      } else if (node instanceof Product product) {
        product.productIterator().foreach(child -> push(pending, child));
      }
    }
  }

  private static Object push(Deque<Object> pending, Object child) {
    if (child != null) {
      pending.push(child);
    }
    return null;
  }
}
