package landwatch.spatial;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * How geometries are stored: 2D WKB, lon/lat. Writers and readers are not thread-safe, hence new
 * ones.
 */
public final class Wkb {

  private Wkb() {}

  public static byte[] write(Geometry geometry) {
    return new WKBWriter(2).write(geometry);
  }

  public static Geometry read(byte[] wkb) {
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("stored geometry is not valid WKB", e);
    }
  }
}
