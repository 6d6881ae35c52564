package landwatch.spot.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.sf.geographiclib.Geodesic;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class GeodesicDistanceTest {

  private static final Geodesic GRS80 = new Geodesic(6_378_137.0, 1 / 298.257222101);

  @Test
  void oneDegreeOfLatitudeAt38NorthIsAbout110Point9Kilometres() {
    assertThat(GeodesicDistance.metres(106.2, 37.5, 106.2, 38.5))
        .isCloseTo(110_950, Percentage.withPercentage(0.5));
  }

  @Test
  void agreesWithKarneysGeodesicsToAMillimetre() {
    double[][] pairs = {
      {106.2, 38.5, 106.2018, 38.5011},
      {105.1, 36.0, 107.6, 39.4},
      {106.5, 38.0, 106.5, 38.0001},
      {104.3, 35.2, 104.3009, 35.2}
    };
    for (double[] p : pairs) {
      double expected = GRS80.Inverse(p[1], p[0], p[3], p[2]).s12;
      assertThat(GeodesicDistance.metres(p[0], p[1], p[2], p[3])).isCloseTo(expected, within(1e-3));
    }
  }

  @Test
  void aPointIsNoDistanceFromItself() {
    assertThat(GeodesicDistance.metres(106.2, 38.5, 106.2, 38.5)).isZero();
  }
}
