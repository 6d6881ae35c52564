package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class EllipsoidalAreaTest {

  private final PlaneShapes zone105 = new PlaneShapes(105);

  @Test
  void hundredMetreSquareOnTheCentralMeridianIsFifteenMu() {
    Polygon square = zone105.rectangle(500_000, 4_150_000, 100, 100);

    assertThat(EllipsoidalArea.squareMetres(square)).isCloseTo(10_000.0, within(0.001));
    assertThat(AreaMu.fromSquareMetres(EllipsoidalArea.squareMetres(square)))
        .isEqualTo(new BigDecimal("15.00"));
  }

  @Test
  void planeSquareAwayFromTheCentralMeridianShrinksByTheScaleFactorSquared() {
    // 100 km east of CM 105°E: k ≈ 1 + x²/2R², the true area is 10000 / k² ≈ 9997.54 m².
    Polygon square = zone105.rectangle(600_000, 4_150_000, 100, 100);

    double expected =
        10_000.0 / Math.pow(EllipsoidalArea.scaleFactor(100_050, Math.toRadians(37.5)), 2);
    assertThat(EllipsoidalArea.squareMetres(square)).isCloseTo(expected, within(0.05));
    assertThat(AreaMu.fromSquareMetres(EllipsoidalArea.squareMetres(square)))
        .isEqualTo(new BigDecimal("15.00"));
  }

  @Test
  void lonLatCellMatchesTheClosedFormEllipsoidalArea() {
    for (double west : new double[] {105.0, 105.9, 106.2, 107.4}) {
      double east = west + 0.002;
      Polygon cell = PlaneShapes.lonLatCell(west, 37.5, east, 37.502);

      double exact = PlaneShapes.lonLatCellSquareMetres(west, 37.5, east, 37.502);
      assertThat(EllipsoidalArea.squareMetres(cell)).isCloseTo(exact, within(exact * 1e-6));
    }
  }

  @Test
  void spotAcrossTheZoneBoundaryGetsOneAnswerFromEitherZoneAndItsHalvesAddUp() {
    Polygon whole = PlaneShapes.lonLatCell(106.497, 37.2, 106.503, 37.204);
    Polygon westHalf = PlaneShapes.lonLatCell(106.497, 37.2, 106.5, 37.204);
    Polygon eastHalf = PlaneShapes.lonLatCell(106.5, 37.2, 106.503, 37.204);
    GaussKrugerZone west = GaussKrugerZone.forLongitude(105);
    GaussKrugerZone east = GaussKrugerZone.forLongitude(108);

    double inWestZone = EllipsoidalArea.squareMetres(whole, west);
    double inEastZone = EllipsoidalArea.squareMetres(whole, east);
    double halves = EllipsoidalArea.squareMetres(westHalf) + EllipsoidalArea.squareMetres(eastHalf);
    double exact = PlaneShapes.lonLatCellSquareMetres(106.497, 37.2, 106.503, 37.204);

    assertThat(inWestZone).isCloseTo(exact, within(0.01));
    assertThat(inEastZone).isCloseTo(exact, within(0.01));
    assertThat(halves).isCloseTo(exact, within(0.01));
    assertThat(AreaMu.fromSquareMetres(inWestZone)).isEqualTo(AreaMu.fromSquareMetres(inEastZone));
  }

  @Test
  void zoneIsChosenByLongitudeWithTheEdgeGoingEast() {
    assertThat(GaussKrugerZone.forLongitude(106.4999).epsgCode()).isEqualTo(4544);
    assertThat(GaussKrugerZone.forLongitude(106.5).epsgCode()).isEqualTo(4545);
    assertThat(GaussKrugerZone.forLongitude(104.2).centralMeridian()).isEqualTo(105);
    assertThatThrownBy(() -> GaussKrugerZone.forLongitude(10.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void holeIsSubtracted() {
    Polygon withHole =
        zone105.rectangleWithHole(500_000, 4_150_000, 200, 200, 500_050, 4_150_050, 100, 100);

    assertThat(AreaMu.fromSquareMetres(EllipsoidalArea.squareMetres(withHole)))
        .isEqualTo(new BigDecimal("45.00"));
  }

  @Test
  void ringOrientationDoesNotMatter() {
    Polygon square = zone105.rectangle(500_000, 4_150_000, 100, 100);
    Geometry reversed = square.reverse();

    assertThat(EllipsoidalArea.squareMetres(reversed))
        .isEqualTo(EllipsoidalArea.squareMetres(square));
  }

  @Test
  void muIsRoundedHalfUpToTwoDecimals() {
    assertThat(AreaMu.fromSquareMetres(30.0)).isEqualTo(new BigDecimal("0.05"));
    assertThat(AreaMu.fromSquareMetres(29.9)).isEqualTo(new BigDecimal("0.04"));
    assertThat(AreaMu.fromSquareMetres(0.0)).isEqualTo(AreaMu.ZERO);
  }
}
