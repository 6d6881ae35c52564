package landwatch.engine.feel;

import java.util.Set;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import scala.Product;
import scala.collection.Iterable;
import scala.collection.Iterator;

/**
 * Decides from the parsed syntax tree whether an expression is trivially cheap: built only of
 * literals, references, paths, comparisons, arithmetic, boolean logic, {@code if} and list
 * literals, at most {@link #MAX_CHEAP_NODES} nodes. Such an expression runs in time linear in its
 * own length and the values it touches, so it is evaluated inline on the writer; anything that
 * iterates ({@code for}, {@code some}, {@code every}, filters), calls a function (but {@code now()}
 * or {@code today()}, which every recording step of a model maps) or raises to a power is evaluated
 * under the time budget. Unknown node kinds count as expensive, so a newer feel-engine errs on the
 * safe side.
 */
final class ExpressionCost {

  /**
   * Small enough that a cheap expression's result stays within a small multiple of the values it
   * references: a list literal repeating a reference, or a chain of string additions, grows with
   * the expression's length. A context literal is never cheap: its entries may reference the
   * entries before them, and a chain of such entries doubles its result with every entry.
   */
  static final int MAX_CHEAP_NODES = 32;

  private static final Set<String> CHEAP =
      Set.of(
          "Ref",
          "PathExpression",
          "ConstNull",
          "ConstBool",
          "ConstNumber",
          "ConstString",
          "ConstDate",
          "ConstTime",
          "ConstLocalTime",
          "ConstDateTime",
          "ConstLocalDateTime",
          "ConstYearMonthDuration",
          "ConstDayTimeDuration",
          "ConstList",
          "Equal",
          "LessThan",
          "LessOrEqual",
          "GreaterThan",
          "GreaterOrEqual",
          "Addition",
          "Subtraction",
          "Multiplication",
          "Division",
          "ArithmeticNegation",
          "Conjunction",
          "Disjunction",
          "Not",
          "If",
          "In",
          "UnaryTestExpression",
          "InstanceOf");

  private static final Set<String> CONSTANT_TIME_FUNCTIONS = Set.of("now", "today");

  private int nodes;

  private ExpressionCost() {}

  static boolean isTriviallyCheap(Exp expression) {
    return new ExpressionCost().cheap(expression);
  }

  private boolean cheap(Object node) {
    if (node instanceof FunctionInvocation call) {
      return ++nodes <= MAX_CHEAP_NODES && isConstantTime(call);
    }
    if (node instanceof Exp exp) {
      return ++nodes <= MAX_CHEAP_NODES
          && CHEAP.contains(exp.getClass().getSimpleName())
          && cheapChildren(((Product) exp).productIterator());
    }
    if (node instanceof Iterable<?> items) {
      return cheapChildren(items.iterator());
    }
    if (node instanceof Product tuple) {
      return cheapChildren(tuple.productIterator());
    }
    return true;
  }

  /**
   * {@code now()} and {@code today()}: no argument, the same cost every time. A cheap expression
   * has no function definition or context literal to shadow them, and variables hold no functions,
   * so the name is the built-in.
   */
  private static boolean isConstantTime(FunctionInvocation call) {
    return CONSTANT_TIME_FUNCTIONS.contains(call.function())
        && call.params() instanceof PositionalFunctionParameters positional
        && positional.params().isEmpty();
  }

  private boolean cheapChildren(Iterator<?> children) {
    while (children.hasNext()) {
      if (!cheap(children.next())) {
        return false;
      }
    }
    return true;
  }
}
