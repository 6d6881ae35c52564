package landwatch.engine.model;

/**
 * A link event's name: a link throw event continues at the link catch event of that name in its
 * scope.
 */
public record LinkDefinition(String name) {}
