package landwatch.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReviewPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(ReviewConfiguration.class);

  @Test
  void unsetTheCityReviewsOneSpotInFiveAndTheProvinceOneInTwenty() {
    context.run(
        started -> {
          ReviewPolicy policy = started.getBean(ReviewPolicy.class);
          assertThat(policy.cityReviewRate()).isEqualTo(SamplingRate.of("0.20"));
          assertThat(policy.provinceReReviewRate()).isEqualTo(SamplingRate.of("0.05"));
          assertThat(policy.otherAlwaysReviewedChangeTypes())
              .containsExactly("新增非农建设类", "年度内持续变化类");
        });
  }

  @Test
  void theYearsRatesAndTypesAreConfiguration() {
    context
        .withPropertyValues(
            "landwatch.review.sampling-rate=0.3",
            "landwatch.review.province-re-review-rate=0.1",
            "landwatch.review.other-always-reviewed-change-types=新增建设")
        .run(
            started -> {
              ReviewPolicy policy = started.getBean(ReviewPolicy.class);
              assertThat(policy.cityReviewRate()).isEqualTo(SamplingRate.of("0.3"));
              assertThat(policy.provinceReReviewRate()).isEqualTo(SamplingRate.of("0.1"));
              assertThat(policy.otherAlwaysReviewedChangeTypes()).containsExactly("新增建设");
            });
  }

  @Test
  void aRateOutsideZeroToOneStopsTheStartNamingTheProperty() {
    context
        .withPropertyValues("landwatch.review.sampling-rate=20")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("landwatch.review.sampling-rate")
                    .hasMessageContaining("e.g. 0.20 for 20%, not 20")
                    .hasMessageContaining("抽样率须在 0 到 1 之间"));
    context
        .withPropertyValues("landwatch.review.province-re-review-rate=-0.05")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("landwatch.review.province-re-review-rate"));
  }
}
