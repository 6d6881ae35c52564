package landwatch.engine.model;

/**
 * The error an error event throws or catches; a catching event without a code catches every error.
 */
public record ErrorDefinition(Expression code) {}
