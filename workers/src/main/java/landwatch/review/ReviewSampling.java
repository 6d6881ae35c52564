package landwatch.review;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The review lottery (§三(三) "其余图斑按比例抽查"): each spot's draw is HMAC-SHA256 keyed with the batch's
 * seed over {@code purpose ":" monitoring code}, its first 64 bits read as a fraction of
 * 2<sup>64</sup>. A draw depends on nothing but the seed, the purpose and the code: not on the
 * order of the spots, how many there are, when or where it is computed. A spot is sampled when its
 * draw is below the rate.
 */
public final class ReviewSampling {

  private static final String ALGORITHM = "HmacSHA256";
  private static final BigDecimal TWO_TO_64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));

  private ReviewSampling() {}

  public static SamplingDraw draw(SamplingSeed seed, SamplingPurpose purpose, String code) {
    requireCode(code);
    byte[] mac = hmac(seed, purpose.key() + ":" + code);
    BigInteger first64Bits = new BigInteger(1, Arrays.copyOf(mac, 8));
    return new SamplingDraw(
        seed.id(),
        purpose,
        code,
        new BigDecimal(first64Bits).divide(TWO_TO_64).stripTrailingZeros());
  }

  /** The draw's verdict for one spot: sampled or not, with the draw and rate that decided it. */
  public static ReviewSelection select(
      SamplingSeed seed, SamplingPurpose purpose, SamplingRate rate, String code) {
    SamplingDraw draw = draw(seed, purpose, code);
    return draw.within(rate)
        ? new ReviewSelection.Sampled(draw, rate)
        : new ReviewSelection.NotSelected(draw, rate);
  }

  /**
   * Re-derives the sample of a batch from its recorded seed, for the province's audit: one verdict
   * per code, in the order given.
   *
   * @throws IllegalArgumentException when a code is given twice, which a batch never holds
   */
  public static Map<String, ReviewSelection> rederive(
      SamplingSeed seed, SamplingPurpose purpose, SamplingRate rate, Collection<String> codes) {
    Map<String, ReviewSelection> selections = new LinkedHashMap<>();
    for (String code : codes) {
      if (selections.put(code, select(seed, purpose, rate, code)) != null) {
        throw new IllegalArgumentException(
            "monitoring code " + code + " is given twice (监测编号 " + code + " 重复)");
      }
    }
    return Collections.unmodifiableMap(selections);
  }

  /**
   * Draws are over the code exactly as issued, so a code with stray spaces would draw differently
   * from the same code written cleanly; such a code is refused rather than drawn.
   */
  private static void requireCode(String code) {
    if (code == null || code.isBlank() || !code.strip().equals(code)) {
      throw new IllegalArgumentException(
          "a monitoring code without surrounding spaces is required, not \""
              + code
              + "\" (监测编号不得为空或含首尾空格)");
    }
  }

  private static byte[] hmac(SamplingSeed seed, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(seed.key(), ALGORITHM));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }
}
