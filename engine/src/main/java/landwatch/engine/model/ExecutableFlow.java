package landwatch.engine.model;

/** A sequence flow; a null condition means unconditional. */
public final class ExecutableFlow {
  public final String id;
  public final Expression condition;
  public ExecutableElement source;
  public ExecutableElement target;

  public ExecutableFlow(String id, Expression condition) {
    this.id = id;
    this.condition = condition;
  }
}
