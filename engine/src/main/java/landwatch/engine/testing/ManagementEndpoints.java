package landwatch.engine.testing;

import landwatch.engine.Engine;
import landwatch.engine.topology.ClusterChanges;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The management endpoints exist only where a test application switches them on: a production
 * application, which never sets the property, has no purge to call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ManagementEndpoints.PROPERTY, havingValue = "true")
public class ManagementEndpoints {

  public static final String PROPERTY = "landwatch.engine.testing.management-endpoints";

  @Bean
  ManagementController engineManagementController(Engine engine, ClusterChanges changes) {
    return new ManagementController(engine, new ClusterPurge(engine), changes);
  }
}
