package landwatch.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtendedDueDatesTest {

  private static final LocalDate COUNTY = LocalDate.of(2026, 11, 20);
  private static final LocalDate PROVINCE = LocalDate.of(2026, 11, 25);

  @Test
  void theProvincesDateMovesWithTheCountysSoTheCityKeepsItsReviewDays() {
    ExtendedDueDates dates = ExtendedDueDates.grant(COUNTY, PROVINCE, LocalDate.of(2026, 11, 28));
    assertThat(dates.county()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(dates.province()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(dates.previousCounty()).isEqualTo(COUNTY);
    assertThat(dates.previousProvince()).isEqualTo(PROVINCE);
  }

  @Test
  void aGrantThatDoesNotMoveTheCountysDateIsRefused() {
    assertThatThrownBy(() -> ExtendedDueDates.grant(COUNTY, PROVINCE, COUNTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExtendedDueDates.grant(COUNTY, PROVINCE, COUNTY.minusDays(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
