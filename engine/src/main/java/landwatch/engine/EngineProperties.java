package landwatch.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param clusterSize reported by the topology endpoint; the embedded engine is one broker
 * @param partitionsCount reported by the topology endpoint
 * @param api credentials of the {@code /v2} API (see {@link EngineApiCredentials})
 * @param maxVariableDocumentSize the largest variable document a request may carry
 * @param defaultLongPoll how long a job activation waits when the request does not say
 * @param maxLongPoll the longest a job activation or awaited creation may wait
 * @param commandQueueCapacity commands waiting for the writer before requests are refused (503)
 */
@ConfigurationProperties("landwatch.engine")
public record EngineProperties(
    @DefaultValue("1") int clusterSize,
    @DefaultValue("1") int partitionsCount,
    @DefaultValue Api api,
    @DefaultValue("4MB") DataSize maxVariableDocumentSize,
    @DefaultValue("10s") Duration defaultLongPoll,
    @DefaultValue("60s") Duration maxLongPoll,
    @DefaultValue("20000") int commandQueueCapacity) {

  /** The API's basic-auth user; a blank password means one is generated and kept in the data dir. */
  public record Api(@DefaultValue("landwatch") String username, String password) {}
}
