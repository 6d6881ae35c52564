package landwatch.spot;

/**
 * A spot as its lifecycle steps need it, read with its progress row locked.
 *
 * @param samplingSeed the batch's seed (hex), null for batches imported before seeds existed
 */
public record LifecycleSpot(
    long id,
    String monitoringCode,
    long batchId,
    String regionCode,
    String changeType,
    SpotState state,
    String samplingSeed) {}
