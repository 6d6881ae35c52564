package landwatch.engine.model;

/** The signal a signal event broadcasts or waits for. */
public record SignalDefinition(Expression name) {}
