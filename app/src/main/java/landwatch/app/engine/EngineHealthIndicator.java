package landwatch.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Health of the engine connection, asked the way any Camunda 8 client asks: a topology request
 * through the application's own client, whichever engine it points at.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final CamundaClient client;
  private final Environment environment;

  EngineHealthIndicator(CamundaClient client, Environment environment) {
    super("engine connection failed");
    this.client = client;
    this.environment = environment;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Topology topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
    builder
        .up()
        .withDetail("mode", environment.getProperty("landwatch.engine", "embedded"))
        .withDetail("address", String.valueOf(client.getConfiguration().getRestAddress()))
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size());
  }
}
