package landwatch.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewConfiguration {

  @Bean
  ReviewPolicy reviewPolicy(ReviewProperties properties) {
    return properties.policy();
  }
}
