package landwatch.spatial.io;

import org.locationtech.jts.geom.Envelope;

/**
 * The lon/lat box every imported geometry must lie in. A box, not the boundary polygon: it catches
 * the errors that happen (wrong CRS, swapped axes, another province's file) without rejecting a
 * spot that straddles the border.
 */
public record ProvinceExtent(double minLon, double maxLon, double minLat, double maxLat) {

  /**
   * Ningxia spans 104°17′–107°39′ E and 35°14′–39°23′ N; the box adds about 5 km so that border
   * spots and rounding never trip it.
   */
  public static final ProvinceExtent NINGXIA = new ProvinceExtent(104.22, 107.72, 35.19, 39.44);

  public ProvinceExtent {
    if (!(minLon < maxLon && minLat < maxLat)) {
      throw new IllegalArgumentException("empty extent");
    }
  }

  public Envelope envelope() {
    return new Envelope(minLon, maxLon, minLat, maxLat);
  }

  public boolean contains(Envelope bounds) {
    return envelope().covers(bounds);
  }
}
