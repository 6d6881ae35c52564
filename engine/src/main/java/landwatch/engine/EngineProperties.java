package landwatch.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param clusterSize reported by the topology endpoint; the embedded engine is one broker
 * @param partitionsCount reported by the topology endpoint
 */
@ConfigurationProperties("landwatch.engine")
public record EngineProperties(
    @DefaultValue("1") int clusterSize, @DefaultValue("1") int partitionsCount) {}
