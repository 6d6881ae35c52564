package landwatch.review;

import landwatch.spot.judgment.JudgmentCheckWorker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code landwatch.judgment-check} listener, with this year's change types that may generally
 * not be judged "other" — the same ones the city then always reviews.
 */
@Configuration(proxyBeanMethods = false)
class JudgmentCheckWorkerConfiguration {

  @Bean
  JudgmentCheckWorker judgmentCheckWorker(ReviewPolicy policy) {
    return new JudgmentCheckWorker(policy.otherAlwaysReviewedChangeTypes());
  }
}
