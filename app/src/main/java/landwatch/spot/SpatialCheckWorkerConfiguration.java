package landwatch.spot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code landwatch.spatial-check} job worker, over this application's spot store. */
@Configuration(proxyBeanMethods = false)
class SpatialCheckWorkerConfiguration {

  @Bean
  SpatialCheckWorker spatialCheckWorker(SpatialCheckService service, SpotStore spots) {
    return new SpatialCheckWorker(service, spots);
  }
}
