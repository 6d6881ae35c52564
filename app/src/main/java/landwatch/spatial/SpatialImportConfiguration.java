package landwatch.spatial;

import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.SpatialFileReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpatialImportProperties.class)
class SpatialImportConfiguration {

  @Bean
  ProvinceExtent provinceExtent(SpatialImportProperties properties) {
    return properties.extent();
  }

  @Bean
  SpatialFileReader spatialFileReader(SpatialImportProperties properties) {
    return new SpatialFileReader(properties.limits().resolve());
  }
}
