package landwatch.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import landwatch.spatial.io.GeometryRepair;
import org.locationtech.jts.geom.Geometry;

/**
 * A spot of an accepted batch, as parsed from the Ministry's file.
 *
 * @param index position in the file, from 0
 * @param monitoringCode 监测编号, unique across all batches
 * @param regionCode the county-level GB/T 2260 code (or 宁东's local code)
 * @param geometry Polygon or MultiPolygon, CGCS2000 lon/lat, valid
 * @param reportedArea the area the file states (亩 in Ministry batches), or null; the system
 *     computes its own
 * @param imageryBefore date of the earlier image, or null; month-only values are the 1st
 * @param imageryAfter date of the later image, or null; month-only values are the 1st
 * @param changeType 变化类型 as issued (e.g. 新增建设, 新增非农建设类)
 * @param repairs geometry repairs made on import; empty for a valid geometry
 * @param attributes every attribute of the file, as read
 */
public record IssuedSpot(
    int index,
    String monitoringCode,
    String regionCode,
    Geometry geometry,
    BigDecimal reportedArea,
    LocalDate imageryBefore,
    LocalDate imageryAfter,
    String changeType,
    List<GeometryRepair> repairs,
    Map<String, Object> attributes) {}
