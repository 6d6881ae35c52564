package landwatch.engine.model;

/**
 * The message a catch event or receive task waits for; a process's message start event may have no
 * correlation key.
 */
public record MessageDefinition(Expression name, Expression correlationKey) {}
