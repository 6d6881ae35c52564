package landwatch.spatial.io;

/**
 * One bad feature in a rejected import.
 *
 * @param index the feature's position in the file, from 0
 * @param monitoringCode the spot's monitoring code if it has one (null for layers or when missing)
 * @param field the attribute at fault as the file names it, or {@code geometry}
 * @param reasonChinese for the officer who has to fix the file
 * @param reasonEnglish the same in English
 */
public record ImportError(
    int index, String monitoringCode, String field, String reasonChinese, String reasonEnglish) {

  public static final String GEOMETRY = "geometry";

  /** Both languages in one line, as the HTTP problem report's {@code reason}. */
  public String reason() {
    return reasonChinese + " / " + reasonEnglish;
  }
}
