package landwatch.spatial.io;

/**
 * Bounds on what one upload may cost. An upload is read into memory, so every limit here is also a
 * memory bound.
 *
 * @param maxInputBytes size of the uploaded file itself
 * @param maxUncompressedBytes sum of all zip entries once inflated
 * @param maxEntries zip entries, directories included
 * @param maxCompressionRatio inflated bytes per compressed byte of one entry, checked once the
 *     entry has inflated past {@code ratioThresholdBytes} (small entries compress wildly without
 *     being hostile)
 * @param ratioThresholdBytes see {@code maxCompressionRatio}
 * @param maxRingsPerFeature rings in one polygon feature; assigning holes to shells is quadratic in
 *     it
 */
public record ImportLimits(
    long maxInputBytes,
    long maxUncompressedBytes,
    int maxEntries,
    int maxCompressionRatio,
    long ratioThresholdBytes,
    int maxRingsPerFeature) {

  public ImportLimits {
    if (maxInputBytes <= 0
        || maxUncompressedBytes <= 0
        || maxEntries <= 0
        || maxCompressionRatio <= 0
        || ratioThresholdBytes < 0
        || maxRingsPerFeature <= 0) {
      throw new IllegalArgumentException("import limits must be positive");
    }
    if (maxUncompressedBytes > Integer.MAX_VALUE - 8L) {
      // Entries are held as byte arrays.
      throw new IllegalArgumentException("maxUncompressedBytes cannot exceed 2 GiB");
    }
  }

  /**
   * Sized for a province-wide reference layer (a million generated cultivated-land parcels make a
   * 63 MB zip of about 300 MB), not only for monthly spot batches. The ratio allows the sparse .dbf
   * files of the Ministry (wide, mostly blank text fields deflate up to about 200:1) and still
   * stops a deflate bomb, which reaches about 1000:1.
   */
  public static ImportLimits defaults() {
    return new ImportLimits(512L << 20, 1536L << 20, 64, 600, 1L << 20, 10_000);
  }
}
