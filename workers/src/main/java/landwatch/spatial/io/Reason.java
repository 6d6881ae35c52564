package landwatch.spatial.io;

/** Why something is wrong, in Chinese for officers and English for everyone else. */
public record Reason(String chinese, String english) {

  public ImportError at(int index, String monitoringCode, String field) {
    return new ImportError(index, monitoringCode, field, chinese, english);
  }
}
