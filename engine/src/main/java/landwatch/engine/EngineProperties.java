package landwatch.engine;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param clusterSize reported by the topology endpoint; the embedded engine is one broker
 * @param partitionsCount reported by the topology endpoint
 * @param api credentials of the {@code /v2} API (see {@link EngineApiCredentials})
 * @param defaultLongPoll how long a job activation waits when the request does not say
 * @param maxLongPoll the longest a job activation or awaited creation may wait
 * @param commandQueueCapacity commands waiting for the writer before requests are refused (503)
 * @param commandTimeout how long a request waits for its queued command before it is answered 504
 *     (outcome unknown: the command may still be applied)
 * @param limits what one request, deployment or evaluation may amount to
 * @param feel how long one FEEL evaluation may hold the writer
 * @param health when the writer counts as stalled
 * @param models how many parsed process models stay in memory
 * @param documents what an uploaded document may be
 * @param retention how long the record log and the history of ended instances are kept
 */
@ConfigurationProperties("landwatch.engine")
public record EngineProperties(
    @DefaultValue("1") int clusterSize,
    @DefaultValue("1") int partitionsCount,
    @DefaultValue Api api,
    @DefaultValue("10s") Duration defaultLongPoll,
    @DefaultValue("60s") Duration maxLongPoll,
    @DefaultValue("20000") int commandQueueCapacity,
    @DefaultValue("20s") Duration commandTimeout,
    @DefaultValue Limits limits,
    @DefaultValue Feel feel,
    @DefaultValue Health health,
    @DefaultValue Models models,
    @DefaultValue Documents documents,
    @DefaultValue Retention retention) {

  /**
   * The API's basic-auth user; a blank password means one is generated and kept in the data dir.
   */
  public record Api(@DefaultValue("landwatch") String username, String password) {}

  /**
   * Bounds on input, each refused with a 4xx problem naming the property (prefix {@code
   * landwatch.engine.limits.}).
   *
   * @param maxResourceSize the largest single deployed resource (BPMN, DMN or form)
   * @param maxDeploymentSize all resources of one deployment together
   * @param maxResourcesPerDeployment resources (multipart parts) in one deployment
   * @param maxProcessesPerResource executable processes one BPMN resource may hold
   * @param maxVariableDocumentSize the largest variable document, on the way in and on the way out
   *     (a request's variables, what a step stores, the variables an activated job carries)
   * @param maxVariableDepth how deeply a variable's value may nest (objects and arrays), on the way
   *     in and on the way out; at most 900, checked at start: Jackson writes no more than 1,000
   *     levels and responses wrap variables in a few, so a higher limit would accept variables no
   *     response could carry
   * @param maxActivationResponseSize the jobs one activation answers with, together; checked at
   *     start to exceed {@code maxVariableDocumentSize}, so that every deliverable job fits alone
   * @param maxMultiInstanceCollectionSize elements of a multi-instance input collection
   */
  public record Limits(
      @DefaultValue("4MB") DataSize maxResourceSize,
      @DefaultValue("16MB") DataSize maxDeploymentSize,
      @DefaultValue("100") int maxResourcesPerDeployment,
      @DefaultValue("50") int maxProcessesPerResource,
      @DefaultValue("4MB") DataSize maxVariableDocumentSize,
      @DefaultValue("64") int maxVariableDepth,
      @DefaultValue("16MB") DataSize maxActivationResponseSize,
      @DefaultValue("10000") int maxMultiInstanceCollectionSize) {}

  /**
   * Deployed versions' models are parsed on demand and kept in a least-recently-used cache.
   *
   * @param cacheSize the BPMN source size of the parsed models kept at most (a model counts for its
   *     share of its resource's bytes; its parsed form takes a few times that in the heap)
   */
  public record Models(@DefaultValue("64MB") DataSize cacheSize) {}

  /**
   * @param evaluationBudget past it, the evaluation is abandoned and an incident raised
   */
  public record Feel(@DefaultValue("2s") Duration evaluationBudget) {}

  /**
   * @param writerStallThreshold the engine reports DOWN when commands wait and the writer has made
   *     no progress for longer than this
   */
  public record Health(@DefaultValue("20s") Duration writerStallThreshold) {}

  /**
   * Uploads to {@code /v2/documents}, each refused with a problem naming the property (prefix
   * {@code landwatch.engine.documents.}).
   *
   * @param maxSize the largest document (413 past it)
   * @param allowedContentTypes the content types a document may have, as declared and as its bytes
   *     show; {@code type/*} allows every subtype the engine recognises by its bytes (415
   *     otherwise)
   */
  public record Documents(
      @DefaultValue("10MB") DataSize maxSize,
      @DefaultValue({
            "image/*",
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet"
          })
          List<String> allowedContentTypes) {}

  /**
   * What is kept and for how long (see the engine README, "What is kept and for how long").
   *
   * @param records records of {@code engine.record} older than this are deleted; state is loaded
   *     from the state tables, never replayed from the log
   * @param history ended root process instances are deleted with their history this long after they
   *     ended; unset keeps them forever
   * @param interval how often the clean-up (records, history, expired documents) runs
   * @param chunkSize rows one delete statement removes at most, so that no clean-up holds locks or
   *     the database for long
   */
  public record Retention(
      @DefaultValue("7d") Duration records,
      Duration history,
      @DefaultValue("1m") Duration interval,
      @DefaultValue("1000") int chunkSize) {}
}
