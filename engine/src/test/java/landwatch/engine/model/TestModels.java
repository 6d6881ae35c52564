package landwatch.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.transform.ProcessTransformer;

/** Small BPMN models for the transformer's tests, and what the transformer makes of them. */
public final class TestModels {

  public static final FeelEvaluator FEEL =
      new FeelEvaluator(ZonedDateTime::now, Duration.ofSeconds(2));

  private TestModels() {}

  /**
   * A model of one executable process {@code p} holding {@code body}, after {@code roots}
   * (messages, errors, ...).
   */
  public static BpmnModelInstance model(String roots, String body) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://landwatch">
          %s
          <bpmn:process id="p" isExecutable="true">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(roots, body)
            .strip();
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  public static BpmnModelInstance model(String body) {
    return model("", body);
  }

  public static List<String> problems(BpmnModelInstance model) {
    ProcessTransformer transformer = new ProcessTransformer(FEEL);
    transformer.transform(model);
    return transformer.problems();
  }

  public static List<String> problems(String body) {
    return problems(model(body));
  }

  public static List<String> problems(String roots, String body) {
    return problems(model(roots, body));
  }

  /** The one process of a model the transformer accepts. */
  public static ExecutableProcess transformed(BpmnModelInstance model) {
    ProcessTransformer transformer = new ProcessTransformer(FEEL);
    List<ExecutableProcess> processes = transformer.transform(model);
    if (!transformer.problems().isEmpty()) {
      throw new AssertionError("expected no problems, but: " + transformer.problems());
    }
    return processes.get(0);
  }

  public static ExecutableProcess transformed(String roots, String body) {
    return transformed(model(roots, body));
  }

  public static ExecutableProcess transformed(String body) {
    return transformed(model(body));
  }

  /** The problem an invalid FEEL text gives: what the FEEL parser says of it. */
  public static String notFeel(String elementId, String what, String feel) {
    return "Element: "
        + elementId
        + " - the "
        + what
        + " expression '"
        + feel
        + "' is not valid FEEL: "
        + FEEL.parseError(feel);
  }
}
