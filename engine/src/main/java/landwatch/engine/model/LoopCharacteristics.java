package landwatch.engine.model;

/** {@code multiInstanceLoopCharacteristics} with Zeebe's extension. */
public record LoopCharacteristics(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
