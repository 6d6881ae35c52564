package landwatch.engine.state;

/** A DMN or form resource, versioned per id like processes; executed by a later part. */
public record DeployedResource(
    long key,
    String kind,
    String resourceId,
    int version,
    String resourceName,
    String checksum,
    long deploymentKey,
    byte[] resource) {}
