package landwatch.engine.model;

/** One {@code zeebe:input} or {@code zeebe:output}: a FEEL source and a (possibly nested) target. */
public record Mapping(Expression source, String target) {}
