package landwatch.spatial;

import landwatch.layer.LayerValidator;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.SpatialFileReader;
import landwatch.spot.SpatialCheckWorker;
import landwatch.spot.SpotStore;
import landwatch.batch.BatchImportProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SpatialImportProperties.class, BatchImportProperties.class})
class SpatialImportConfiguration {

  @Bean
  ProvinceExtent provinceExtent(SpatialImportProperties properties) {
    return properties.extent();
  }

  @Bean
  SpatialFileReader spatialFileReader(SpatialImportProperties properties) {
    return new SpatialFileReader(properties.limits().resolve());
  }

  @Bean
  LayerValidator layerValidator(ProvinceExtent extent) {
    return new LayerValidator(extent);
  }

  @Bean
  SpatialCheckWorker spatialCheckWorker(SpatialCheckService service, SpotStore spots) {
    return new SpatialCheckWorker(service, spots);
  }
}
