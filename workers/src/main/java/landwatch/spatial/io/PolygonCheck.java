package landwatch.spatial.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The geometry rules every imported feature meets, spot or reference layer: a non-empty polygon or
 * multipolygon, valid (repaired with JTS {@link GeometryFixer} where possible, and the repair
 * recorded), inside the province's extent.
 */
public final class PolygonCheck {

  private static final String[] PROBLEMS_CHINESE = {
    "拓扑错误",
    "重复点",
    "内环位于外环之外",
    "内环嵌套",
    "内部不连通",
    "自相交",
    "环自相交",
    "外环嵌套",
    "重复的环",
    "顶点数过少",
    "坐标无效",
    "环未闭合"
  };

  private static final int MAX_FIX_PASSES = 3;

  private final ProvinceExtent extent;

  public PolygonCheck(ProvinceExtent extent) {
    this.extent = extent;
  }

  /**
   * The checked geometry.
   *
   * @param geometry the geometry to keep: the input, or its repair; null when it failed
   * @param repairs what was repaired
   * @param failures why the geometry cannot be accepted; empty when it can
   */
  public record Outcome(Geometry geometry, List<GeometryRepair> repairs, List<Reason> failures) {
    public boolean accepted() {
      return failures.isEmpty();
    }
  }

  public Outcome check(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return failed(new Reason("几何图形为空", "geometry is empty"));
    }
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
      String type = geometry.getGeometryType();
      return failed(
          new Reason(
              "几何类型为 " + type + "，应为面（Polygon 或 MultiPolygon）",
              "geometry type is " + type + ", expected Polygon or MultiPolygon"));
    }
    if (!allFinite(geometry)) {
      // GeometryFixer would drop such vertices and call the result repaired.
      return failed(
          new Reason(
              "几何图形含有无效坐标（非数值、无穷大或无法投影）",
              "geometry has invalid coordinates (NaN, infinite or not projectable)"));
    }
    List<Reason> failures = new ArrayList<>();
    Envelope bounds = geometry.getEnvelopeInternal();
    if (!extent.contains(bounds)) {
      String box =
          String.format(
              Locale.ROOT,
              "[%.6f, %.6f] – [%.6f, %.6f]",
              bounds.getMinX(),
              bounds.getMinY(),
              bounds.getMaxX(),
              bounds.getMaxY());
      failures.add(
          new Reason(
              "坐标超出省域范围 " + box + "（坐标系或坐标轴顺序可能有误）",
              "coordinates outside the province extent " + box + " (wrong CRS or swapped axes?)"));
    }
    IsValidOp validity = new IsValidOp(geometry);
    if (validity.isValid()) {
      return new Outcome(failures.isEmpty() ? geometry : null, List.of(), failures);
    }
    TopologyValidationError error = validity.getValidationError();
    String chinese = problemChinese(error);
    Geometry fixed = fix(geometry);
    if (!fixed.isValid()
        || fixed.isEmpty()
        || !(fixed instanceof Polygon || fixed instanceof MultiPolygon)
        || fixed.getArea() == 0) {
      failures.add(
          new Reason(
              "几何图形无效且无法修复（" + chinese + "）",
              "invalid geometry that cannot be repaired (" + error.getMessage() + ")"));
      return new Outcome(null, List.of(), failures);
    }
    GeometryRepair repair =
        new GeometryRepair(
            chinese,
            error.getMessage(),
            error.getCoordinate() == null ? Double.NaN : error.getCoordinate().x,
            error.getCoordinate() == null ? Double.NaN : error.getCoordinate().y);
    return new Outcome(failures.isEmpty() ? fixed : null, List.of(repair), failures);
  }

  /**
   * GeometryFixer's floating-point noding occasionally leaves a new self-intersection (about 1 in
   * 150 random tangles); fixing the result again resolves it.
   */
  private static Geometry fix(Geometry geometry) {
    Geometry fixed = GeometryFixer.fix(geometry);
    for (int pass = 1; pass < MAX_FIX_PASSES && !fixed.isValid(); pass++) {
      fixed = GeometryFixer.fix(fixed);
    }
    return fixed;
  }

  private static boolean allFinite(Geometry geometry) {
    for (Coordinate c : geometry.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        return false;
      }
    }
    return true;
  }

  private static String problemChinese(TopologyValidationError error) {
    int type = error.getErrorType();
    return type >= 0 && type < PROBLEMS_CHINESE.length ? PROBLEMS_CHINESE[type] : "拓扑错误";
  }

  private static Outcome failed(Reason reason) {
    return new Outcome(null, List.of(), List.of(reason));
  }
}
