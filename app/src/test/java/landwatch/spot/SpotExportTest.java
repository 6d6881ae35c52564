package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import landwatch.spot.judgment.Judgment;
import org.junit.jupiter.api.Test;

class SpotExportTest {

  @Test
  void theFiltersLineNamesEveryFilterInChinese() {
    SpotFilter filter =
        new SpotFilter(12L, SpotState.CORRECTION, Judgment.ILLEGAL, true, null, false);

    assertThat(SpotExport.filters(filter, "兴庆区"))
        .isEqualTo("筛选：批次 12，区域 兴庆区，状态 退回待纠正，最终判定 违法，逾期，未抽中");
  }

  @Test
  void noFiltersIsSaidPlainly() {
    assertThat(SpotExport.filters(new SpotFilter(null, null, null, null, null, null), null))
        .isEqualTo("筛选：全部");
  }

  @Test
  void everyStateHasAChineseName() {
    for (SpotState state : SpotState.values()) {
      assertThat(SpotExport.stateName(state)).matches("\\p{IsHan}+.*");
    }
  }
}
