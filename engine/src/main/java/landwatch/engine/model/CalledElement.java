package landwatch.engine.model;

/**
 * A call activity's {@code zeebe:calledElement}.
 *
 * @param binding latest, deployment (the version deployed with the caller) or versionTag
 * @param versionTag the version tag to call with binding versionTag, else null
 */
public record CalledElement(
    Expression processId,
    String binding,
    String versionTag,
    boolean propagateAllChildVariables,
    boolean propagateAllParentVariables) {

  /** The binding of a called element that names none. */
  public static final String DEFAULT_BINDING = "latest";
}
