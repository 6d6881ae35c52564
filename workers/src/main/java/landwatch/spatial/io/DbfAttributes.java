package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.CORRUPT_ATTRIBUTES;

import com.linuxense.javadbf.DBFReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a .dbf attribute table with javadbf, into the value types {@link Feature} promises. */
final class DbfAttributes {

  private static final int DELETED_FLAG = 0;

  private DbfAttributes() {}

  /** One map per record, in file order, deleted records included (they still have a shape). */
  static List<Map<String, Object>> read(byte[] dbf, Charset charset) {
    // javadbf signals malformed input with assorted runtime exceptions.
    try (DBFReader reader = new DBFReader(new ByteArrayInputStream(dbf), charset, true)) {
      // Showing deleted rows makes javadbf prepend a synthetic "deleted" flag field.
      int fieldCount = reader.getFieldCount();
      String[] names = new String[fieldCount];
      for (int i = DELETED_FLAG + 1; i < fieldCount; i++) {
        names[i] = reader.getField(i).getName().strip();
      }
      List<Map<String, Object>> records = new ArrayList<>();
      Object[] row;
      while ((row = reader.nextRecord()) != null) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = DELETED_FLAG + 1; i < fieldCount && i < row.length; i++) {
          attributes.put(names[i], value(row[i]));
        }
        records.add(attributes);
      }
      return records;
    } catch (SpatialImportException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SpatialImportException(CORRUPT_ATTRIBUTES, String.valueOf(e.getMessage()), e);
    }
  }

  private static Object value(Object raw) {
    if (raw instanceof String s) {
      String stripped = s.strip();
      return stripped.isEmpty() ? null : stripped;
    }
    if (raw instanceof Date date) {
      // javadbf builds dates at midnight in the JVM's zone.
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    // Binary and memo fields carry nothing an import uses.
    return raw instanceof byte[] ? null : raw;
  }
}
