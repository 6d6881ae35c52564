package landwatch.batch;

/** The answer to an accepted batch upload. */
public record BatchImport(long batchId, int spotCount) {}
