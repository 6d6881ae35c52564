package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class PolygonCheckTest {

  private final PolygonCheck check = new PolygonCheck(ProvinceExtent.NINGXIA);

  @Test
  void aTangleThatOneFixerPassLeavesInvalidEndsValid() throws ParseException {
    // Found by FuzzTest: GeometryFixer's first result self-intersects at (106.274, 38.471).
    Geometry tangle =
        new WKTReader()
            .read(
                "POLYGON ((106.271 38.47, 106.27 38.472, "
                    + "106.27199999999999 38.473, 106.274 38.473, 106.27199999999999 38.471, "
                    + "106.271 38.473, 106.274 38.471, 106.274 38.474, 106.27 38.473, 106.271 38.473, "
                    + "106.274 38.471, 106.271 38.47))");

    PolygonCheck.Outcome outcome = check.check(tangle);

    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.geometry().isValid()).isTrue();
    assertThat(outcome.repairs()).hasSize(1);
  }

  @Test
  void aValidPolygonIsKeptAsItIs() throws ParseException {
    Geometry square =
        new WKTReader()
            .read(
                "POLYGON ((106.27 38.47, 106.28 38.47, 106.28 38.48, 106.27 38.48, 106.27 38.47))");

    PolygonCheck.Outcome outcome = check.check(square);

    assertThat(outcome.geometry()).isSameAs(square);
    assertThat(outcome.repairs()).isEmpty();
  }
}
