package landwatch.spot;

import java.io.IOException;
import java.io.InputStream;
import landwatch.layer.ReferenceLayers;
import landwatch.spot.judgment.JudgmentRuleTable;
import landwatch.spot.judgment.RuleTableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The spatial-check beans. The rule table is loaded and validated here, at start, so a broken table
 * stops the application instead of the first spot that reaches a bad rule.
 */
@Configuration(proxyBeanMethods = false)
public class SpatialCheckConfiguration {

  @Bean
  ReferenceLayers referenceLayers() {
    return new ReferenceLayers();
  }

  /**
   * Next year's table is a file an operator drops in ({@code file:/etc/landwatch/rules-2024.json});
   * a plain path is looked up on the classpath.
   */
  @Bean
  JudgmentRuleTable judgmentRuleTable(
      @Value("${landwatch.rules.judgment-suggestion:classpath:rules/judgment-suggestion-2023.json}")
          String location,
      ResourceLoader resources) {
    Resource resource = resources.getResource(location);
    if (!resource.exists()) {
      throw new RuleTableException("rule table " + location + " not found");
    }
    try (InputStream json = resource.getInputStream()) {
      return JudgmentRuleTable.load(json, resource.getDescription());
    } catch (IOException e) {
      throw new RuleTableException("rule table " + location + " cannot be read", e);
    }
  }

  @Bean
  SpatialCheckService spatialCheckService(ReferenceLayers layers, JudgmentRuleTable rules) {
    return new SpatialCheckService(layers, rules);
  }
}
