package landwatch.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ReviewSamplingTest {

  private static final SamplingSeed SEED =
      SamplingSeed.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final SamplingSeed OTHER_SEED =
      SamplingSeed.fromHex("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff");

  /** Ministry-style 监测编号: county code, year and month, serial. */
  private static List<String> codes(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("6401042023%02d%06d", 1 + i % 12, i))
        .toList();
  }

  private static long countWithin(
      SamplingSeed seed, SamplingPurpose purpose, List<String> codes, String rate) {
    SamplingRate r = SamplingRate.of(rate);
    return codes.stream().filter(c -> ReviewSampling.draw(seed, purpose, c).within(r)).count();
  }

  @Test
  void theDrawIsHmacSha256OfPurposeAndCodeSoAnyoneWithTheSeedCanRecomputeIt() {
    // Computed independently (Python's hmac): HMAC-SHA256(seed, "city-review:<code>"), first 8
    // bytes over 2^64. A change here would make every recorded draw unverifiable.
    SamplingDraw draw = ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, "640104202305001");

    assertThat(draw.value())
        .isEqualByComparingTo("0.1498453525716419295027263813846474249658058397471904754638671875");
    assertThat(draw.seedId()).isEqualTo("14ace71f20b2413e").isEqualTo(SEED.id());
    assertThat(
            ReviewSampling.draw(SEED, SamplingPurpose.PROVINCE_RE_REVIEW, "640104202305001")
                .value())
        .isEqualByComparingTo("0.0703471537097086438449812517692549818093539215624332427978515625");
  }

  @Test
  void theSameSeedAndCodeAlwaysDrawTheSame() {
    SamplingSeed recorded = SamplingSeed.fromHex(SEED.hex());

    for (String code : codes(1_000)) {
      assertThat(ReviewSampling.draw(recorded, SamplingPurpose.CITY_REVIEW, code))
          .isEqualTo(ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, code));
    }
  }

  @Test
  void aSpotsVerdictDependsNeitherOnTheOrderNorOnTheOtherSpotsOfTheBatch() {
    List<String> codes = codes(2_000);
    List<String> shuffled = new ArrayList<>(codes);
    Collections.shuffle(shuffled, new Random(11));
    List<String> fewer = codes.subList(500, 700);
    SamplingRate rate = SamplingRate.of("0.2");

    Map<String, ReviewSelection> inOrder =
        ReviewSampling.rederive(SEED, SamplingPurpose.CITY_REVIEW, rate, codes);
    Map<String, ReviewSelection> inAnotherOrder =
        ReviewSampling.rederive(SEED, SamplingPurpose.CITY_REVIEW, rate, shuffled);
    Map<String, ReviewSelection> ofFewerSpots =
        ReviewSampling.rederive(SEED, SamplingPurpose.CITY_REVIEW, rate, fewer);

    assertThat(inAnotherOrder).isEqualTo(inOrder);
    assertThat(inAnotherOrder.keySet()).containsExactlyElementsOf(shuffled);
    fewer.forEach(code -> assertThat(ofFewerSpots.get(code)).isEqualTo(inOrder.get(code)));
  }

  @Test
  void theShareDrawnMatchesTheRateWithinFiveStandardDeviations() {
    int n = 100_000;
    List<String> codes = codes(n);

    for (SamplingSeed seed : List.of(SEED, OTHER_SEED)) {
      List<SamplingDraw> draws =
          codes.stream()
              .map(c -> ReviewSampling.draw(seed, SamplingPurpose.CITY_REVIEW, c))
              .toList();
      for (String rate : List.of("0.05", "0.2", "0.5", "0.95")) {
        SamplingRate r = SamplingRate.of(rate);
        long drawn = draws.stream().filter(d -> d.within(r)).count();
        double p = Double.parseDouble(rate);
        assertThat((double) drawn).as("rate %s", rate).isCloseTo(n * p, within(n, p));
      }
    }
  }

  @Test
  void theDrawsAreSpreadEvenlyOverTheUnitInterval() {
    int n = 100_000;
    int bins = 20;
    long[] counts = new long[bins];
    for (String code : codes(n)) {
      BigDecimal value = ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, code).value();
      counts[value.multiply(BigDecimal.valueOf(bins)).intValue()]++;
    }
    double expected = (double) n / bins;
    double chiSquare = 0;
    for (long count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }

    // 19 degrees of freedom: P(chi-square > 43.8) = 0.001 for fair draws.
    assertThat(chiSquare).isLessThan(43.8);
  }

  @Test
  void rateZeroDrawsNoSpotAndRateOneEverySpot() {
    List<String> codes = codes(10_000);

    assertThat(countWithin(SEED, SamplingPurpose.CITY_REVIEW, codes, "0")).isZero();
    assertThat(countWithin(SEED, SamplingPurpose.CITY_REVIEW, codes, "1")).isEqualTo(10_000);
    assertThat(
            ReviewSampling.rederive(
                    SEED, SamplingPurpose.CITY_REVIEW, SamplingRate.of("0.00"), codes)
                .values())
        .allMatch(selection -> selection instanceof ReviewSelection.NotSelected);
  }

  @Test
  void theCitysAndTheProvincesDrawsAreIndependent() {
    int n = 100_000;
    SamplingRate half = SamplingRate.of("0.5");
    long both = 0;
    long equal = 0;
    for (String code : codes(n)) {
      SamplingDraw city = ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, code);
      SamplingDraw province = ReviewSampling.draw(SEED, SamplingPurpose.PROVINCE_RE_REVIEW, code);
      if (city.within(half) && province.within(half)) {
        both++;
      }
      if (city.value().equals(province.value())) {
        equal++;
      }
    }

    assertThat(equal).isZero();
    assertThat((double) both).isCloseTo(n * 0.25, within(n, 0.25));
  }

  @Test
  void anotherSeedDrawsAnotherSample() {
    List<String> codes = codes(100_000);
    SamplingRate rate = SamplingRate.of("0.5");
    long inBoth =
        codes.stream()
            .filter(
                c ->
                    ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, c).within(rate)
                        && ReviewSampling.draw(OTHER_SEED, SamplingPurpose.CITY_REVIEW, c)
                            .within(rate))
            .count();

    assertThat((double) inBoth).isCloseTo(100_000 * 0.25, within(100_000, 0.25));
  }

  @Test
  void ratesOutsideZeroToOneAreRefusedWithTheirMeaningExplained() {
    for (String bad : List.of("-0.01", "1.01", "20")) {
      assertThatThrownBy(() -> SamplingRate.of(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("between 0 and 1, e.g. 0.20 for 20%, not " + bad)
          .hasMessageContaining("抽样率须在 0 到 1 之间");
    }
    assertThatThrownBy(() -> SamplingRate.of("二成"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("抽样率须为 0 到 1 之间的数");
    assertThatThrownBy(() -> new SamplingRate(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRateMayBeGivenAsAPercentage() {
    assertThat(SamplingRate.percent(new BigDecimal("20"))).isEqualTo(SamplingRate.of("0.20"));
    assertThat(SamplingRate.of("0.125").percentText()).isEqualTo("12.5%");
    assertThat(SamplingRate.of("1.00").percentText()).isEqualTo("100%");
    assertThat(SamplingRate.of("0.000").percentText()).isEqualTo("0%");
  }

  @Test
  void aCodeWithStraySpacesOrNoneAtAllIsRefusedNotDrawn() {
    for (String bad : new String[] {" 640104202305001", "640104202305001 ", "", null}) {
      assertThatThrownBy(() -> ReviewSampling.draw(SEED, SamplingPurpose.CITY_REVIEW, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("监测编号不得为空或含首尾空格");
    }
  }

  @Test
  void aCodeGivenTwiceIsRefusedOnReDerivation() {
    assertThatThrownBy(
            () ->
                ReviewSampling.rederive(
                    SEED, SamplingPurpose.CITY_REVIEW, SamplingRate.of("0.2"), List.of("A", "A")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("监测编号 A 重复");
  }

  @Test
  void aSeedIsRecordedAsHexAndShownOnlyByItsId() {
    SamplingSeed generated = SamplingSeed.generate();

    assertThat(generated.hex()).hasSize(64).matches("[0-9a-f]+");
    assertThat(SamplingSeed.fromHex(generated.hex())).isEqualTo(generated);
    assertThat(generated).isNotEqualTo(SamplingSeed.generate());
    assertThat(generated.toString()).contains(generated.id()).doesNotContain(generated.hex());
    assertThatThrownBy(() -> SamplingSeed.fromHex("00ff"))
        .hasMessageContaining("64 hexadecimal digits");
    assertThatThrownBy(() -> SamplingSeed.fromHex("zz".repeat(32)))
        .hasMessageContaining("hexadecimal digits only");
  }

  /** The bound for a count of {@code n} fair draws at rate {@code p}: five standard deviations. */
  private static Offset<Double> within(int n, double p) {
    return Offset.offset(5 * Math.sqrt(n * p * (1 - p)));
  }
}
