package landwatch.engine.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The hand-written DMN resources under {@code src/test/resources/dmn/}, deployed and evaluated. */
final class Dmn {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Dmn() {}

  static String resource(String name) {
    try (InputStream in = Dmn.class.getResourceAsStream("/dmn/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource dmn/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code versioned.dmn} with ids of its own ({@code <prefix>} for the DRG, {@code
   * <prefix>Verdict} for its decision), its version tag and the verdict its one rule gives.
   */
  static String versioned(String prefix, String versionTag, String verdict) {
    return resource("versioned.dmn")
        .replace("versioned", prefix)
        .replace("value=\"v1\"", "value=\"" + versionTag + "\"")
        .replace("\"first\"", "\"" + verdict + "\"");
  }

  static DeploymentEvent deploy(CamundaClient client, String name) {
    return deployXml(client, resource(name), name);
  }

  static DeploymentEvent deployXml(CamundaClient client, String xml, String name) {
    return client.newDeployResourceCommand().addResourceStringUtf8(xml, name).send().join();
  }

  static EvaluateDecisionResponse evaluate(
      CamundaClient client, String decisionId, Map<String, Object> variables) {
    return client
        .newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(variables)
        .send()
        .join();
  }

  /** A JSON text the API answered (an output, an input value) as Java values. */
  static Object value(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  static Object output(EvaluateDecisionResponse response) {
    return value(response.getDecisionOutput());
  }
}
