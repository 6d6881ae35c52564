package landwatch.batch;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.region.Region;
import landwatch.region.RegionService;
import landwatch.spatial.ImportProgress;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spatial.io.ProvinceExtent;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile's synthetic month: on a first start with no batch, a batch of this
 * month's spots for every county-level unit, imported as the Ministry's would be, so that each demo
 * user finds work in the tasklist and the cockpit has figures. The spots are small squares laid out
 * county by county across the province's extent; the change types vary as real ones do. Off with
 * {@code landwatch.demo.month=false}.
 */
@Component
@Profile("demo")
class DemoMonth {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMonth.class);
  private static final List<String> CHANGE_TYPES =
      List.of("新增建设", "新增建设", "新增建设", "新增非农建设类", "年度内持续变化类", "矿产");
  // about 60 m a side at Ningxia's latitudes
  private static final double SIDE = 0.0007;

  private final JdbcTemplate jdbc;
  private final RegionService regions;
  private final BatchImportService imports;
  private final ProvinceExtent extent;
  private final MonthlyDeadlines deadlines;
  private final boolean enabled;
  private final int spotsPerCounty;

  DemoMonth(
      JdbcTemplate jdbc,
      RegionService regions,
      BatchImportService imports,
      ProvinceExtent extent,
      MonthlyDeadlines deadlines,
      @Value("${landwatch.demo.month:true}") boolean enabled,
      @Value("${landwatch.demo.spots-per-county:8}") int spotsPerCounty) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.imports = imports;
    this.extent = extent;
    this.deadlines = deadlines;
    this.enabled = enabled;
    this.spotsPerCounty = spotsPerCounty;
  }

  /** Only while there is no batch at all: a restart, or a real batch, adds nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void issue() {
    if (!enabled || jdbc.queryForObject("SELECT count(*) FROM batch", Long.class) > 0) {
      return;
    }
    YearMonth month = YearMonth.now(deadlines.zone());
    BatchImport imported =
        imports.importBatch(
            "演示批次-" + month + ".geojson",
            new GeoJsonWriter(Cgcs2000Crs.geographic()).write(spots(month).iterator()),
            "demo",
            month,
            ImportProgress.untracked());
    LOG.warn(
        "演示模式：已导入演示批次 {}（{} 个图斑）/ demo profile: imported demo batch {} of {} spots",
        imported.batchId(),
        imported.spotCount(),
        imported.batchId(),
        imported.spotCount());
  }

  List<Feature> spots(YearMonth month) {
    List<Region> counties =
        regions.all().stream().filter(r -> regions.isCountyLevel(r.code())).toList();
    GeometryFactory geometry = new GeometryFactory();
    List<Feature> spots = new ArrayList<>();
    double width = extent.maxLon() - extent.minLon();
    double height = extent.maxLat() - extent.minLat();
    for (int c = 0; c < counties.size(); c++) {
      Region county = counties.get(c);
      // one band of the extent per county, its spots a short row in the middle of it
      double lat = extent.minLat() + height * (c + 0.5) / counties.size();
      for (int i = 0; i < spotsPerCounty; i++) {
        double lon = extent.minLon() + width * (0.3 + 0.4 * i / Math.max(1, spotsPerCounty));
        Polygon square =
            geometry.createPolygon(
                new Coordinate[] {
                  new Coordinate(lon, lat),
                  new Coordinate(lon + SIDE, lat),
                  new Coordinate(lon + SIDE, lat + SIDE),
                  new Coordinate(lon, lat + SIDE),
                  new Coordinate(lon, lat)
                });
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("JCBH", "DEMO" + month.toString().replace("-", "") + county.code() + i);
        attributes.put("XZQDM", county.code());
        attributes.put("XZQMC", county.name());
        attributes.put("BHLX", CHANGE_TYPES.get((c + i) % CHANGE_TYPES.size()));
        attributes.put("HSX", month.atDay(10).toString());
        spots.add(new Feature(spots.size(), square, attributes));
      }
    }
    return spots;
  }
}
