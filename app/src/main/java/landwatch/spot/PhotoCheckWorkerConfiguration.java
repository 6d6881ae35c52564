package landwatch.spot;

import io.camunda.client.CamundaClient;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.spot.photo.PhotoCheck;
import landwatch.spot.photo.PhotoCheckWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code landwatch.photo-check} job worker. A photo's day is taken in the deadlines' calendar
 * ({@code landwatch.deadlines.zone}), the one the province's dates are in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoCheckProperties.class)
class PhotoCheckWorkerConfiguration {

  @Bean
  PhotoCheckWorker photoCheckWorker(
      CamundaClient camunda, PhotoCheckProperties properties, MonthlyDeadlines deadlines) {
    return new PhotoCheckWorker(
        camunda, new PhotoCheck(properties.maxDistanceMetres(), deadlines.zone()));
  }
}
