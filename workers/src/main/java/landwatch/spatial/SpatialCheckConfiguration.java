package landwatch.spatial;

import landwatch.layer.ReferenceLayers;
import landwatch.spatial.judgment.JudgmentRuleTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spatial-check beans. The rule table is loaded and validated here, at start, so a broken
 * table stops the application instead of the first spot that reaches a bad rule.
 */
@Configuration(proxyBeanMethods = false)
public class SpatialCheckConfiguration {

  @Bean
  ReferenceLayers referenceLayers() {
    return new ReferenceLayers();
  }

  @Bean
  JudgmentRuleTable judgmentRuleTable(
      @Value("${landwatch.rules.judgment-suggestion:rules/judgment-suggestion-2023.json}") String resource) {
    return JudgmentRuleTable.fromClasspath(resource);
  }

  @Bean
  SpatialCheckService spatialCheckService(ReferenceLayers layers, JudgmentRuleTable rules) {
    return new SpatialCheckService(layers, rules);
  }
}
