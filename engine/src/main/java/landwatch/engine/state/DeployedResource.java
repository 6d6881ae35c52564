package landwatch.engine.state;

/**
 * A stored resource: a DMN or form resource, versioned per id like processes (not evaluated or
 * served yet), or a BPMN resource (kind {@code bpmn}, stored once and referenced by its processes'
 * versions; its {@code resourceId} is its name, its version 0). {@code resource} holds the content
 * only on the way in (a deployment being written); state loaded from the tables does not hold
 * resources: they are read from {@code engine.resource} when needed.
 */
public record DeployedResource(
    long key,
    String kind,
    String resourceId,
    int version,
    String resourceName,
    String checksum,
    long deploymentKey,
    byte[] resource) {

  /** The same resource without its content, as the hot state keeps it. */
  public DeployedResource withoutContent() {
    return resource == null
        ? this
        : new DeployedResource(
            key, kind, resourceId, version, resourceName, checksum, deploymentKey, null);
  }
}
