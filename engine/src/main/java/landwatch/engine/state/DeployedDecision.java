package landwatch.engine.state;

/**
 * A deployed decision version, versioned per decision id like processes: a changed decision
 * requirements graph (DRG) gives each of its decisions a new version and key. The graph itself is
 * the DMN resource row ({@code engine.resource}, kind {@code dmn}) with key {@code
 * decisionRequirementsKey}; it is parsed on demand.
 *
 * @param decisionType DECISION_TABLE, LITERAL_EXPRESSION or UNKNOWN
 */
public record DeployedDecision(
    long key,
    String decisionId,
    String name,
    int version,
    String versionTag,
    String decisionType,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    String decisionRequirementsName,
    int decisionRequirementsVersion,
    String resourceName,
    long deploymentKey) {}
