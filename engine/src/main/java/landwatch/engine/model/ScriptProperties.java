package landwatch.engine.model;

/**
 * A script task's {@code zeebe:script}: the FEEL expression and the variable its result goes to, or
 * null.
 */
public record ScriptProperties(Expression expression, String resultVariable) {}
