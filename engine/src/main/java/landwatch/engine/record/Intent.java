package landwatch.engine.record;

/**
 * What happened to a record's value, as Zeebe names its intents; one enum per value type, so an
 * intent always carries its value type. Its name is {@code engine.record.intent}.
 */
public interface Intent {

  String name();

  ValueType valueType();
}
