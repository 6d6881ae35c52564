package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spot-check forms as packaged on the classpath carry the field keys of the issue-11 contract
 * (the listeners and output mappings read them), with the component type and required mark agreed
 * there, and every expression in them is FEEL the form renderer can evaluate.
 */
class SpotFormsTest {

  private record Field(String type, boolean required) {}

  private static final Map<String, Field> JUDGE_FIELDS =
      Map.of(
          "judgment", new Field("radio", true),
          "category", new Field("select", true),
          "approvalDocumentNumber", new Field("textfield", false),
          "reasons", new Field("textarea", true),
          "ruralHousing", new Field("radio", false),
          "contradictionReason", new Field("textarea", false));

  private static final Map<String, Map<String, Field>> CONTRACT =
      Map.of(
          "verify-spot",
          Map.of(
              "landUse", new Field("select", true),
              "constructionState", new Field("select", true),
              "fieldNotes", new Field("textarea", true),
              "longitude", new Field("number", true),
              "latitude", new Field("number", true),
              "photos", new Field("filepicker", true),
              "videos", new Field("filepicker", false)),
          "judge-spot",
          with(JUDGE_FIELDS, "justification", new Field("filepicker", false)),
          "review-spot",
          Map.of(
              "decision", new Field("radio", true),
              "reasons", new Field("textarea", false),
              "fieldCheck", new Field("checkbox", false)),
          "correct-spot",
          with(
              with(
                  with(JUDGE_FIELDS, "justification", new Field("filepicker", false)),
                  "action",
                  new Field("radio", true)),
              "declineReason",
              new Field("textarea", true)),
          "direct-judgment",
          JUDGE_FIELDS,
          "extension-decision",
          Map.of(
              "decision", new Field("radio", true),
              "grantedDueDate", new Field("datetime", false),
              "opinion", new Field("textarea", false)));

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "verify-spot",
        "judge-spot",
        "review-spot",
        "correct-spot",
        "direct-judgment",
        "extension-decision"
      })
  void theFormCarriesTheContractsFields(String formId) throws IOException {
    JsonNode form = read(formId);
    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");

    List<JsonNode> components = new ArrayList<>();
    collect(form.path("components"), components);
    assertThat(components).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates();
    assertThat(components).allSatisfy(c -> assertThat(c.has("layout")).isTrue());

    Map<String, Field> fields = new HashMap<>();
    for (JsonNode component : components) {
      if (component.has("key")) {
        fields.put(
            component.path("key").asText(),
            new Field(
                component.path("type").asText(),
                component.path("validate").path("required").asBoolean(false)));
      }
    }
    assertThat(fields).containsAllEntriesOf(CONTRACT.get(formId));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "verify-spot",
        "judge-spot",
        "review-spot",
        "correct-spot",
        "direct-judgment",
        "extension-decision"
      })
  void labelsAreChineseAndExpressionsAreFeel(String formId) throws IOException {
    List<JsonNode> components = new ArrayList<>();
    collect(read(formId).path("components"), components);

    for (JsonNode component : components) {
      if (component.has("label")) {
        assertThat(component.path("label").asText()).containsPattern(CJK);
      }
      for (JsonNode value : component.path("values")) {
        assertThat(value.path("label").asText()).containsPattern(CJK);
      }
      for (JsonNode expression :
          List.of(component.path("conditional").path("hide"), component.path("valuesExpression"))) {
        if (!expression.isMissingNode()) {
          assertThat(expression.asText()).startsWith("=");
          ParseResult parsed = FEEL.parseExpression(expression.asText().substring(1));
          assertThat(parsed.isSuccess())
              .as("%s of %s: %s", expression, component.path("id"), parsed.failure())
              .isTrue();
        }
      }
    }
  }

  private static JsonNode read(String formId) throws IOException {
    try (InputStream in =
        SpotFormsTest.class.getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
      assertThat(in).as("forms/%s.form on the classpath", formId).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** Groups nest their components; their keys still land in the task's variables. */
  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      into.add(component);
      collect(component.path("components"), into);
    }
  }

  private static Map<String, Field> with(Map<String, Field> fields, String key, Field field) {
    Map<String, Field> more = new HashMap<>(fields);
    more.put(key, field);
    return Map.copyOf(more);
  }
}
