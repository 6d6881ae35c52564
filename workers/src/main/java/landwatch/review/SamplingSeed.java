package landwatch.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret behind a batch's sampling: 32 random bytes, generated once when the batch is issued
 * and recorded with it. Nobody chooses it, so nobody can steer which spots are drawn; whoever holds
 * it (the province, auditing) can re-derive every draw.
 *
 * <p>{@link #toString()} names the seed by its {@link #id()} only, so a log line never discloses
 * the draws to a county before its spots are reviewed.
 */
public final class SamplingSeed {

  public static final int BYTES = 32;

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;
  private final String id;

  private SamplingSeed(byte[] bytes) {
    this.bytes = bytes;
    this.id = fingerprint(bytes);
  }

  public static SamplingSeed generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new SamplingSeed(bytes);
  }

  public static SamplingSeed generate() {
    return generate(new SecureRandom());
  }

  /** The recorded form, {@link #hex()}: 64 hexadecimal digits. */
  public static SamplingSeed fromHex(String hex) {
    if (hex == null || hex.length() != 2 * BYTES) {
      throw new IllegalArgumentException(
          "a sampling seed is "
              + 2 * BYTES
              + " hexadecimal digits (抽样种子须为 "
              + 2 * BYTES
              + " 位十六进制数)");
    }
    try {
      return new SamplingSeed(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a sampling seed is hexadecimal digits only (抽样种子须为十六进制数)", e);
    }
  }

  public String hex() {
    return HEX.formatHex(bytes);
  }

  /**
   * A public name for the seed (the first 8 bytes of its SHA-256, in hex): a selection records it,
   * so an auditor given a seed can tell whether it is the one the draw was made with, while the
   * name itself reveals nothing of the draws.
   */
  public String id() {
    return id;
  }

  byte[] key() {
    return bytes.clone();
  }

  private static String fingerprint(byte[] bytes) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("landwatch-sampling-seed:".getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(sha256.digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SamplingSeed seed && Arrays.equals(bytes, seed.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SamplingSeed[id=" + id + "]";
  }
}
