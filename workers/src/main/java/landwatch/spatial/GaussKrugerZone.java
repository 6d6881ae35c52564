package landwatch.spatial;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * A CGCS2000 3° Gauss-Krüger zone without zone-number prefix (EPSG:4534–4554, central meridians
 * 75°E–135°E). Ningxia lies in the zones of 105°E (EPSG:4544) and 108°E (EPSG:4545).
 *
 * <p>Projects with the zone's proj4j projection directly rather than a full coordinate transform:
 * source and target share the GRS80/CGCS2000 ellipsoid, so there is no datum shift, and the
 * projection object is stateless, which lets all check threads share one instance.
 */
public final class GaussKrugerZone {

  private static final int FIRST_EPSG = 4534;
  private static final int FIRST_CENTRAL_MERIDIAN = 75;
  private static final int LAST_CENTRAL_MERIDIAN = 135;
  private static final double FALSE_EASTING = 500_000.0;
  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final ConcurrentMap<Integer, GaussKrugerZone> ZONES = new ConcurrentHashMap<>();

  private final int centralMeridian;
  private final int epsgCode;
  private final Projection projection;

  private GaussKrugerZone(int centralMeridian) {
    this.centralMeridian = centralMeridian;
    this.epsgCode = FIRST_EPSG + (centralMeridian - FIRST_CENTRAL_MERIDIAN) / 3;
    this.projection = CRS_FACTORY.createFromName("EPSG:" + epsgCode).getProjection();
  }

  /** The zone whose central meridian is nearest; a longitude on a zone edge goes east. */
  public static GaussKrugerZone forLongitude(double longitude) {
    int centralMeridian = (int) (3 * Math.floor(longitude / 3 + 0.5));
    if (centralMeridian < FIRST_CENTRAL_MERIDIAN || centralMeridian > LAST_CENTRAL_MERIDIAN) {
      throw new IllegalArgumentException(
          "longitude " + longitude + " is outside the CGCS2000 3° zones of China (73.5°E–136.5°E)");
    }
    return ZONES.computeIfAbsent(centralMeridian, GaussKrugerZone::new);
  }

  public int centralMeridian() {
    return centralMeridian;
  }

  public int epsgCode() {
    return epsgCode;
  }

  /** Projects lon/lat degrees; writes easting and northing in metres to {@code target}. */
  public void project(double longitude, double latitude, ProjCoordinate target) {
    projection.project(new ProjCoordinate(longitude, latitude), target);
  }

  /** Inverse of {@link #project}: writes lon/lat degrees to {@code target}. */
  public void unproject(double easting, double northing, ProjCoordinate target) {
    projection.inverseProject(new ProjCoordinate(easting, northing), target);
  }

  /** Distance of an easting from the central meridian, in metres on the projection plane. */
  double offsetFromCentralMeridian(double easting) {
    return easting - FALSE_EASTING;
  }

  @Override
  public String toString() {
    return "EPSG:" + epsgCode + " (CGCS2000 3° Gauss-Krüger, CM " + centralMeridian + "°E)";
  }
}
