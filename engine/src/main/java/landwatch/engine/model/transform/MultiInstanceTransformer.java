package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import landwatch.engine.model.Expression;
import landwatch.engine.model.LoopCharacteristics;

/** {@code multiInstanceLoopCharacteristics} with Zeebe's extension. */
final class MultiInstanceTransformer {

  /** Null for an activity that is not multi-instance, or has no input collection. */
  LoopCharacteristics transform(Activity activity) {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi)) {
      return null;
    }
    ZeebeLoopCharacteristics zeebe = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null) {
      return null;
    }
    Expression completion =
        mi.getCompletionCondition() == null
            ? null
            : Expression.feel(mi.getCompletionCondition().getTextContent());
    return new LoopCharacteristics(
        mi.isSequential(),
        Expression.feel(zeebe.getInputCollection()),
        zeebe.getInputElement(),
        zeebe.getOutputCollection(),
        Expression.feel(zeebe.getOutputElement()),
        completion);
  }
}
