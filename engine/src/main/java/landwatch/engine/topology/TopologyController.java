package landwatch.engine.topology;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.ArrayList;
import java.util.List;
import landwatch.engine.EngineProperties;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/topology}: one broker leading every partition, as a single-node Zeebe reports. */
@RestController
public class TopologyController {

  static final String GATEWAY_VERSION = "8.8.0-landwatch";

  private final EngineProperties properties;
  private final Environment environment;
  private final ClusterChanges changes;

  public TopologyController(
      EngineProperties properties, Environment environment, ClusterChanges changes) {
    this.properties = properties;
    this.environment = environment;
    this.changes = changes;
  }

  @GetMapping(path = "/v2/topology", produces = "application/json")
  public TopologyResponse topology() {
    List<Partition> partitions = new ArrayList<>();
    for (int id = 1; id <= properties.partitionsCount(); id++) {
      partitions.add(
          new Partition()
              .partitionId(id)
              .role(Partition.RoleEnum.LEADER)
              .health(Partition.HealthEnum.HEALTHY));
    }
    BrokerInfo broker =
        new BrokerInfo()
            .nodeId(0)
            .host(environment.getProperty("server.address", "127.0.0.1"))
            .port(environment.getProperty("local.server.port", Integer.class, 0))
            .version(GATEWAY_VERSION)
            .partitions(partitions);
    return new TopologyResponse()
        .brokers(List.of(broker))
        .clusterSize(properties.clusterSize())
        .partitionsCount(properties.partitionsCount())
        .replicationFactor(1)
        .gatewayVersion(GATEWAY_VERSION)
        .lastCompletedChangeId(changes.lastCompletedChangeId());
  }
}
