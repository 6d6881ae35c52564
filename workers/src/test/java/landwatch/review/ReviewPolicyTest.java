package landwatch.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import landwatch.layer.LayerClass;
import landwatch.spot.LayerOverlap;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.SpatialFlags;
import landwatch.spot.judgment.Judgment;
import org.junit.jupiter.api.Test;

class ReviewPolicyTest {

  private static final SamplingSeed SEED =
      SamplingSeed.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final Set<String> NOT_OTHER = Set.of("新增非农建设类", "年度内持续变化类");
  private static final String CODE = "640104202305001";

  private static ReviewPolicy policy(String cityRate, String provinceRate) {
    return new ReviewPolicy(SamplingRate.of(cityRate), SamplingRate.of(provinceRate), NOT_OTHER);
  }

  private static ReviewSubject spot(
      String code, String changeType, Judgment judgment, String... mandatoryReasons) {
    return new ReviewSubject(code, changeType, judgment, List.of(mandatoryReasons));
  }

  private static SpatialCheckResult check(boolean mandatory, List<String> reasons) {
    BigDecimal zero = BigDecimal.ZERO;
    return new SpatialCheckResult(
        BigDecimal.ONE,
        new EnumMap<LayerClass, LayerOverlap>(LayerClass.class),
        new SpatialFlags(false, true, false, false, false),
        zero,
        zero,
        zero,
        mandatory,
        reasons,
        null,
        "2023.2",
        Map.of());
  }

  @Test
  void aSpotOfAHundredPercentClassIsReviewedWhateverTheDraw() {
    ReviewSelection selection =
        policy("0", "0")
            .cityReview(
                SEED,
                ReviewSubject.of(
                    CODE,
                    "新增建设",
                    Judgment.LEGAL,
                    check(true, List.of("占用耕地 1.00 亩，实行100%审核（§三(三)）"))));

    assertThat(selection).isInstanceOf(ReviewSelection.Mandatory.class);
    assertThat(selection.selected()).isTrue();
    assertThat(selection.reasons()).containsExactly("占用耕地 1.00 亩，实行100%审核（§三(三)）");
  }

  @Test
  void aCheckThatDemandsReviewWithoutNamingWhyStillSendsTheSpotToReview() {
    ReviewSelection selection =
        policy("0", "0")
            .cityReview(
                SEED, ReviewSubject.of(CODE, "新增建设", Judgment.LEGAL, check(true, List.of())));

    assertThat(selection).isInstanceOf(ReviewSelection.Mandatory.class);
    assertThat(selection.reasons()).singleElement().asString().contains("2023.2");
  }

  @Test
  void otherForTheTwoTypesThatMayNotBeOtherIsAlwaysReviewed() {
    for (String changeType : NOT_OTHER) {
      ReviewSelection selection =
          policy("0", "0").cityReview(SEED, spot(CODE, changeType, Judgment.OTHER));

      assertThat(selection).isInstanceOf(ReviewSelection.Mandatory.class);
      assertThat(selection.reasons())
          .singleElement()
          .asString()
          .contains("「" + changeType + "」", "其他类", "100%审核");
    }
  }

  @Test
  void otherForAnotherTypeAndAnyOtherJudgmentOfTheTwoTypesGoToTheDraw() {
    ReviewPolicy none = policy("0", "0");

    assertThat(none.cityReview(SEED, spot(CODE, "新增建设", Judgment.OTHER)))
        .isInstanceOf(ReviewSelection.NotSelected.class);
    assertThat(none.cityReview(SEED, spot(CODE, "新增非农建设类", Judgment.LEGAL)))
        .isInstanceOf(ReviewSelection.NotSelected.class);
    assertThat(none.cityReview(SEED, spot(CODE, "年度内持续变化类", Judgment.ILLEGAL)))
        .isInstanceOf(ReviewSelection.NotSelected.class);
  }

  @Test
  void theChangeTypesWhoseOtherIsAlwaysReviewedAreConfiguration() {
    ReviewPolicy nextYear =
        new ReviewPolicy(SamplingRate.of("0"), SamplingRate.of("0"), Set.of("新增建设"));

    assertThat(nextYear.cityReview(SEED, spot(CODE, "新增建设", Judgment.OTHER)).selected()).isTrue();
    assertThat(nextYear.cityReview(SEED, spot(CODE, "新增非农建设类", Judgment.OTHER)).selected())
        .isFalse();
  }

  @Test
  void aBlankChangeTypeIsRefusedSinceItWouldCatchSpotsIssuedWithoutOne() {
    assertThatThrownBy(
            () ->
                new ReviewPolicy(
                    SamplingRate.of("0.2"), SamplingRate.of("0.05"), Set.of("新增建设", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("变化类型不得为空");
  }

  @Test
  void everyRuleThatDemandsReviewIsNamed() {
    ReviewSelection selection =
        policy("1", "1")
            .cityReview(SEED, spot(CODE, "新增非农建设类", Judgment.OTHER, "矿产图斑，实行100%审核（§三(三)）"));

    assertThat(selection.reasons()).hasSize(2).first().isEqualTo("矿产图斑，实行100%审核（§三(三)）");
  }

  @Test
  void aDrawnSpotShowsTheRateTheRandomNumberAndTheSeedSoAnyoneCanCheckIt() {
    // Drawn 0.14984535… for this seed and code (see ReviewSamplingTest).
    ReviewSelection selection =
        policy("0.20", "0").cityReview(SEED, spot(CODE, "新增建设", Judgment.LEGAL));

    assertThat(selection).isInstanceOf(ReviewSelection.Sampled.class);
    assertThat(selection.reasons()).containsExactly("抽中（抽样率 20%，随机数 0.1498，种子 14ace71f20b2413e）");
    ReviewSelection.Sampled sampled = (ReviewSelection.Sampled) selection;
    assertThat(sampled.draw())
        .isEqualTo(ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, CODE));
    assertThat(sampled.rate()).isEqualTo(SamplingRate.of("0.2"));

    assertThat(policy("0.14", "0").cityReview(SEED, spot(CODE, "新增建设", Judgment.LEGAL)).reasons())
        .containsExactly("未抽中（抽样率 14%，随机数 0.1498，种子 14ace71f20b2413e）");
  }

  @Test
  void theShownRandomNumberIsCutNotRoundedSoItNeverContradictsTheVerdict() {
    SamplingRate rate = SamplingRate.of("0.2");
    SamplingDraw justBelow =
        new SamplingDraw("id", SamplingPurpose.CITY_REVIEW, CODE, new BigDecimal("0.19999"));
    SamplingDraw atTheRate =
        new SamplingDraw("id", SamplingPurpose.CITY_REVIEW, CODE, new BigDecimal("0.2"));
    SamplingRate fine = SamplingRate.of("0.12345");
    SamplingDraw belowAFineRate =
        new SamplingDraw("id", SamplingPurpose.CITY_REVIEW, CODE, new BigDecimal("0.123449"));

    assertThat(new ReviewSelection.Sampled(justBelow, rate).reasons().get(0))
        .contains("随机数 0.1999，");
    assertThat(new ReviewSelection.NotSelected(atTheRate, rate).reasons().get(0))
        .contains("随机数 0.2000，");
    assertThat(new ReviewSelection.Sampled(belowAFineRate, fine).reasons().get(0))
        .contains("抽样率 12.345%，随机数 0.12344，");
    assertThatThrownBy(() -> new ReviewSelection.Sampled(atTheRate, rate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewSelection.NotSelected(justBelow, rate))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProvinceReReviewsByItsOwnRateOnItsOwnStream() {
    ReviewPolicy policy = policy("0.20", "0.10");
    // Same seed and code: the city's draw is 0.1498…, the province's 0.0703….
    ReviewSelection province = policy.provinceReReview(SEED, CODE);

    assertThat(province).isInstanceOf(ReviewSelection.Sampled.class);
    assertThat(((ReviewSelection.Sampled) province).draw())
        .isEqualTo(ReviewSampling.draw(SEED, SamplingPurpose.PROVINCE_RE_REVIEW, CODE));
    assertThat(province.reasons())
        .containsExactly("自治区逐级复核抽中（抽样率 10%，随机数 0.0703，种子 14ace71f20b2413e）");
    assertThat(policy("1", "0").provinceReReview(SEED, CODE).selected()).isFalse();
  }

  @Test
  void theProvinceReDerivesTheCitysSelectionOfABatchFromTheRecordedSeed() {
    ReviewPolicy policy = policy("0.2", "0.05");
    List<ReviewSubject> batch =
        IntStream.range(0, 500)
            .mapToObj(
                i ->
                    i % 10 == 0
                        ? spot("64010420230500" + i, "新增建设", Judgment.ILLEGAL, "占用耕地，实行100%审核")
                        : spot("64010420230500" + i, "新增建设", Judgment.LEGAL))
            .toList();

    Map<String, ReviewSelection> recorded =
        batch.stream()
            .collect(
                Collectors.toMap(ReviewSubject::monitoringCode, s -> policy.cityReview(SEED, s)));
    List<ReviewSubject> inAnotherOrder = new ArrayList<>(batch);
    Collections.reverse(inAnotherOrder);
    Map<String, ReviewSelection> rederived =
        policy.cityReview(SamplingSeed.fromHex(SEED.hex()), inAnotherOrder);

    assertThat(rederived).isEqualTo(recorded);
    assertThat(rederived.values().stream().filter(ReviewSelection::selected).count())
        .isGreaterThan(50)
        .isLessThan(500);
  }
}
