package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import landwatch.layer.ReferenceLayers;
import landwatch.spot.judgment.JudgmentRuleTable;
import landwatch.spot.judgment.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SpatialCheckConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(SpatialCheckConfiguration.class);

  @Test
  void startsWithThe2023RuleTableAndEmptyLayers() {
    context.run(
        started -> {
          assertThat(started).hasSingleBean(SpatialCheckService.class);
          assertThat(started.getBean(JudgmentRuleTable.class).year()).isEqualTo(2023);
          assertThat(started.getBean(ReferenceLayers.class).snapshot().versions()).isEmpty();
        });
  }

  @Test
  void aMissingRuleTableStopsTheStart() {
    context
        .withPropertyValues(
            "landwatch.rules.judgment-suggestion=rules/judgment-suggestion-2099.json")
        .run(
            failed ->
                assertThat(failed)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(RuleTableException.class)
                    .hasMessageContaining("judgment-suggestion-2099.json"));
  }

  @Test
  void nextYearsTableIsReadFromAFileOutsideTheJar(@TempDir Path dir) throws Exception {
    String shipped;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("rules/judgment-suggestion-2023.json")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path nextYear = dir.resolve("judgment-suggestion-2024.json");
    Files.writeString(
        nextYear,
        shipped
            .replace("\"year\": 2023", "\"year\": 2024")
            .replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"2024.1\""));

    context
        .withPropertyValues("landwatch.rules.judgment-suggestion=file:" + nextYear)
        .run(
            started -> {
              assertThat(started.getBean(JudgmentRuleTable.class).year()).isEqualTo(2024);
              assertThat(started.getBean(JudgmentRuleTable.class).version()).isEqualTo("2024.1");
            });
  }
}
