package landwatch.spatial.io;

/**
 * A column of an attribute table to write.
 *
 * @param name the field name; at most 10 bytes in the target encoding for a .dbf
 * @param type what the values are
 * @param length characters (text) or digits (numbers)
 * @param decimals digits after the point (numbers)
 */
public record AttributeField(String name, Type type, int length, int decimals) {

  /** The value types {@link Feature} attributes have. */
  public enum Type {
    TEXT,
    NUMBER,
    DATE,
    LOGICAL
  }

  public static AttributeField text(String name, int length) {
    return new AttributeField(name, Type.TEXT, length, 0);
  }

  public static AttributeField number(String name, int length, int decimals) {
    return new AttributeField(name, Type.NUMBER, length, decimals);
  }

  public static AttributeField date(String name) {
    return new AttributeField(name, Type.DATE, 8, 0);
  }
}
