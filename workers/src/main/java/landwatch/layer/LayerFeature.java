package landwatch.layer;

import java.util.List;
import java.util.Map;
import landwatch.spatial.io.GeometryRepair;
import org.locationtech.jts.geom.Geometry;

/**
 * One polygon of a reference layer version, ready to index.
 *
 * @param index position in the file, from 0
 * @param geometry Polygon or MultiPolygon, CGCS2000 lon/lat, valid
 * @param attributes the file's attributes, as read (parcel codes, land-use class, approval
 *     numbers...)
 * @param repairs geometry repairs made on import
 */
public record LayerFeature(
    int index, Geometry geometry, Map<String, Object> attributes, List<GeometryRepair> repairs) {}
