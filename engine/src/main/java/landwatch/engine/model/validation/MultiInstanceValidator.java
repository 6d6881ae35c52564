package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import landwatch.engine.model.Expression;

/** Loops: only multi-instance ones, over an input collection, with expressions in FEEL. */
final class MultiInstanceValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  MultiInstanceValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void check(Activity activity) {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi)) {
      problems.add(activity.getId(), "standard loops are not supported");
      return;
    }
    ZeebeLoopCharacteristics zeebe = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null) {
      problems.add(
          activity.getId(),
          "a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection");
      return;
    }
    expressions.checkFeel(
        activity.getId(), "inputCollection", Expression.feel(zeebe.getInputCollection()));
    expressions.checkFeel(
        activity.getId(), "outputElement", Expression.feel(zeebe.getOutputElement()));
    expressions.checkFeel(
        activity.getId(),
        "completionCondition",
        mi.getCompletionCondition() == null
            ? null
            : Expression.feel(mi.getCompletionCondition().getTextContent()));
  }
}
