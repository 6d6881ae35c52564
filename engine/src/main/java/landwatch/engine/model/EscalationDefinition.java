package landwatch.engine.model;

/**
 * The escalation an escalation event throws or catches; a catching event without a code catches
 * every escalation.
 */
public record EscalationDefinition(Expression code) {}
