package landwatch.engine.model;

/**
 * A business-rule task's {@code zeebe:calledDecision}: the decision it evaluates and where the
 * result goes.
 *
 * @param binding latest, deployment (the version deployed with the process) or versionTag
 * @param versionTag the version tag to evaluate with binding versionTag, else null
 */
public record CalledDecision(
    Expression decisionId, String resultVariable, String binding, String versionTag) {}
