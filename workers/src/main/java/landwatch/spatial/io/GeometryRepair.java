package landwatch.spatial.io;

/**
 * A repair JTS {@code GeometryFixer} made to an invalid geometry, kept with the imported feature so
 * that nobody later wonders why its shape differs from the file's.
 *
 * @param problemChinese what was invalid
 * @param problemEnglish the same in English (JTS's wording)
 * @param x longitude where JTS located the problem
 * @param y latitude where JTS located the problem
 */
public record GeometryRepair(String problemChinese, String problemEnglish, double x, double y) {}
