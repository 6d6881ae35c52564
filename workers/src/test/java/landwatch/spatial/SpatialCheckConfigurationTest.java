package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import landwatch.layer.ReferenceLayers;
import landwatch.spatial.judgment.JudgmentRuleTable;
import landwatch.spatial.judgment.RuleTableException;
import org.junit.jupiter.api.Test;
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
        .withPropertyValues("landwatch.rules.judgment-suggestion=rules/judgment-suggestion-2099.json")
        .run(
            failed ->
                assertThat(failed)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(RuleTableException.class)
                    .hasMessageContaining("judgment-suggestion-2099.json"));
  }
}
