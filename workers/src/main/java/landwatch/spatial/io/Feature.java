package landwatch.spatial.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of an imported file, as read.
 *
 * @param index position in the file, from 0; error reports name it
 * @param geometry CGCS2000 longitude/latitude (x = lon, y = lat), whatever the file's CRS was
 * @param attributes attribute values by field name as the file spells it (String, Number, LocalDate
 *     or null)
 */
public record Feature(int index, Geometry geometry, Map<String, Object> attributes) {}
