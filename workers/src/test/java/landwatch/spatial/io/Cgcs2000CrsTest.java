package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class Cgcs2000CrsTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private static final String ARCGIS_CM_105 =
      "PROJCS[\"CGCS2000_3_Degree_GK_CM_105E\","
          + "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
          + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
          + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
          + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
          + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],"
          + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

  // As GDAL/QGIS write it, with a misleading name: recognition must go by the parameters.
  private static final String OGC_ZONE_36 =
      "PROJCS[\"some local name\","
          + "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
          + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]]],"
          + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
          + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
          + "PARAMETER[\"central_meridian\",108],PARAMETER[\"scale_factor\",1],"
          + "PARAMETER[\"false_easting\",36500000],PARAMETER[\"false_northing\",0],"
          + "UNIT[\"metre\",1],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST]]";

  private static final String WKT2_CM_105 =
      "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 105E\","
          + "BASEGEOGCRS[\"China Geodetic Coordinate System 2000\",DATUM[\"China 2000\","
          + "ELLIPSOID[\"CGCS2000\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]]],"
          + "CONVERSION[\"3-degree Gauss-Kruger CM 105E\",METHOD[\"Transverse Mercator\"],"
          + "PARAMETER[\"Latitude of natural origin\",0],"
          + "PARAMETER[\"Longitude of natural origin\",105],"
          + "PARAMETER[\"Scale factor at natural origin\",1],"
          + "PARAMETER[\"False easting\",500000],PARAMETER[\"False northing\",0]],"
          + "CS[Cartesian,2],AXIS[\"northing (X)\",north],AXIS[\"easting (Y)\",east],"
          + "LENGTHUNIT[\"metre\",1]]";

  @Test
  void recognisesGeographicCgcs2000() {
    Cgcs2000Crs crs = Cgcs2000Crs.fromPrj(Cgcs2000Crs.geographic().esriWkt());
    assertThat(crs.epsg()).isEqualTo(4490);
    assertThat(crs.isGeographic()).isTrue();
  }

  @Test
  void takesWgs84LonLatAsCgcs2000() {
    Cgcs2000Crs crs =
        Cgcs2000Crs.fromPrj(
            "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]");
    assertThat(crs.epsg()).isEqualTo(4326);
    assertThat(crs.isGeographic()).isTrue();
  }

  @Test
  void recognisesZonesFromTheirParametersWhateverTheDialect() {
    assertThat(Cgcs2000Crs.fromPrj(ARCGIS_CM_105).epsg()).isEqualTo(4544);
    assertThat(Cgcs2000Crs.fromPrj(OGC_ZONE_36).epsg()).isEqualTo(4524);
    assertThat(Cgcs2000Crs.fromPrj(WKT2_CM_105).epsg()).isEqualTo(4544);
    assertThat(
            Cgcs2000Crs.fromPrj(
                    ARCGIS_CM_105.replace("CGCS2000_3_Degree_GK_CM_105E", "\"\"宁夏\"\" 105E"))
                .epsg())
        .isEqualTo(4544);
  }

  @ParameterizedTest
  @CsvSource({
    "105, false, 4544",
    "105, true, 4523",
    "108, false, 4545",
    "108, true, 4524",
    "75, true, 4513",
    "135, false, 4554"
  })
  void writtenPrjIsRecognisedAsTheSameZone(int meridian, boolean prefix, int epsg) {
    Cgcs2000Crs crs = Cgcs2000Crs.gaussKruger(meridian, prefix);
    assertThat(crs.epsg()).isEqualTo(epsg);
    assertThat(Cgcs2000Crs.fromPrj(crs.esriWkt())).isEqualTo(crs);
    assertThat(Cgcs2000Crs.fromEpsg(epsg)).isEqualTo(crs);
  }

  // Expected values computed with PROJ 9 (pyproj), independently of proj4j.
  @ParameterizedTest
  @CsvSource({
    "4523, 35512345.678, 4200000.0, 105.1404304860, 37.9323639533",
    "4544,   512345.678, 4200000.0, 105.1404304860, 37.9323639533",
    "4524, 36450000.0,   4100000.0, 107.4380567649, 37.0301083144",
    "4545,   450000.0,   4100000.0, 107.4380567649, 37.0301083144",
    "4523, 35450000.0,   4300000.0, 104.4241709172, 38.8318991015"
  })
  void transformsGaussKrugerToLonLat(int epsg, double x, double y, double lon, double lat) {
    Geometry point = FACTORY.createPoint(new Coordinate(x, y));
    Coordinate lonLat = Cgcs2000Crs.fromEpsg(epsg).toLonLat(point).getCoordinate();
    assertThat(lonLat.x).isCloseTo(lon, within(1e-7));
    assertThat(lonLat.y).isCloseTo(lat, within(1e-7));
  }

  @Test
  void aCodeMustMatchItsParameters() {
    assertThatThrownBy(() -> new Cgcs2000Crs(4544, 108, 500000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cgcs2000Crs.gaussKruger(106, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Cgcs2000Crs.zoneContaining(106.49, false).epsg()).isEqualTo(4544);
    assertThat(Cgcs2000Crs.zoneContaining(106.51, true).epsg()).isEqualTo(4524);
  }

  @Test
  void projectsBackToTheSameMetres() {
    Cgcs2000Crs crs = Cgcs2000Crs.gaussKruger(105, true);
    Geometry point = FACTORY.createPoint(new Coordinate(35512345.678, 4200000.0));
    Coordinate back = crs.fromLonLat(crs.toLonLat(point)).getCoordinate();
    assertThat(back.x).isCloseTo(35512345.678, within(1e-4));
    assertThat(back.y).isCloseTo(4200000.0, within(1e-4));
  }

  @Test
  void refusesOtherSystemsWithAClearReason() {
    String xian80 = ARCGIS_CM_105.replace("6378137.0,298.257222101", "6378140.0,298.257");
    String sixDegreeZone18 = ARCGIS_CM_105.replace("500000.0", "18500000.0");
    String feet = ARCGIS_CM_105.replace("UNIT[\"Meter\",1.0]", "UNIT[\"Foot_US\",0.3048006096]");
    String mercator = ARCGIS_CM_105.replace("Gauss_Kruger", "Mercator");
    String notAMultipleOfThree = ARCGIS_CM_105.replace("105.0", "106.0");
    for (String wkt :
        new String[] {
          xian80,
          sixDegreeZone18,
          feet,
          mercator,
          notAMultipleOfThree,
          "",
          "GEOGCS[",
          "LOCAL_CS[\"x\"]"
        }) {
      assertThatThrownBy(() -> Cgcs2000Crs.fromPrj(wkt))
          .isInstanceOfSatisfying(
              SpatialImportException.class,
              e -> {
                assertThat(e.refusal()).isEqualTo(SpatialImportException.Refusal.UNSUPPORTED_CRS);
                assertThat(e.reasonChinese()).startsWith("不支持的坐标系");
              });
    }
    assertThatThrownBy(() -> Cgcs2000Crs.fromEpsg(3857)).isInstanceOf(SpatialImportException.class);
  }
}
