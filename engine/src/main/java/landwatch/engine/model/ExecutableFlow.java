package landwatch.engine.model;

/** A sequence flow; a null condition means unconditional. */
public final class ExecutableFlow {
  public final String id;
  public final Expression condition;
  public final ExecutableElement source;
  public final ExecutableElement target;

  ExecutableFlow(
      String id, Expression condition, ExecutableElement source, ExecutableElement target) {
    this.id = id;
    this.condition = condition;
    this.source = source;
    this.target = target;
  }
}
