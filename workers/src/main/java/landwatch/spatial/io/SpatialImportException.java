package landwatch.spatial.io;

/**
 * A file refused as a whole, before any feature is looked at. Carries a stable code for callers
 * (the HTTP layer maps it to a problem type) and a reason in Chinese and English, because the
 * people who receive the refusal are county officers and their contractors.
 */
public final class SpatialImportException extends RuntimeException {

  /** Why a file is refused. */
  public enum Refusal {
    INPUT_TOO_LARGE("文件超过允许的大小", "input exceeds the size limit"),
    UNKNOWN_FORMAT(
        "无法识别的文件格式（应为 Shapefile 压缩包或 GeoJSON）",
        "unrecognised format (expected a zipped Shapefile or GeoJSON)"),
    CORRUPT_ARCHIVE("压缩包已损坏或不完整", "the zip archive is corrupt or truncated"),
    UNSAFE_ENTRY_NAME("压缩包内含有不安全的路径", "the zip archive contains an unsafe entry path"),
    TOO_MANY_ENTRIES("压缩包内文件过多", "the zip archive has too many entries"),
    UNCOMPRESSED_TOO_LARGE("压缩包解压后超过允许的大小", "the zip archive expands beyond the size limit"),
    COMPRESSION_RATIO_TOO_HIGH(
        "压缩包压缩比异常（疑似压缩炸弹）",
        "the zip archive has an abnormal compression ratio (suspected zip bomb)"),
    MISSING_COMPONENT("Shapefile 缺少必需的组成文件", "the Shapefile lacks a mandatory component"),
    MULTIPLE_LAYERS(
        "压缩包内包含多个 Shapefile，每次只能导入一个",
        "the zip archive holds more than one Shapefile; import one at a time"),
    CORRUPT_SHAPEFILE("Shapefile 几何文件已损坏", "the Shapefile geometry is corrupt"),
    UNSUPPORTED_SHAPE_TYPE("Shapefile 不是面图层", "the Shapefile is not a polygon layer"),
    CORRUPT_ATTRIBUTES("属性表（.dbf）已损坏", "the attribute table (.dbf) is corrupt"),
    UNSUPPORTED_ENCODING("不支持的属性编码（.cpg）", "unsupported attribute encoding (.cpg)"),
    UNSUPPORTED_CRS(
        "不支持的坐标系（应为 CGCS2000 经纬度或 CGCS2000 3 度带高斯-克吕格投影）",
        "unsupported coordinate reference system (expected CGCS2000 geographic or a CGCS2000"
            + " 3-degree Gauss-Kruger zone)"),
    INVALID_GEOJSON("GeoJSON 格式错误", "malformed GeoJSON");

    private final String chinese;
    private final String english;

    Refusal(String chinese, String english) {
      this.chinese = chinese;
      this.english = english;
    }

    public String chinese() {
      return chinese;
    }

    public String english() {
      return english;
    }
  }

  private final Refusal refusal;
  private final String detail;

  public SpatialImportException(Refusal refusal, String detail) {
    this(refusal, detail, null);
  }

  public SpatialImportException(Refusal refusal, String detail, Throwable cause) {
    super(refusal.english() + (detail == null ? "" : ": " + detail), cause);
    this.refusal = refusal;
    this.detail = detail;
  }

  public Refusal refusal() {
    return refusal;
  }

  /** What exactly was wrong (a file name, a limit, an offset); not translated. */
  public String detail() {
    return detail;
  }

  public String reasonChinese() {
    return refusal.chinese() + (detail == null ? "" : "：" + detail);
  }

  public String reasonEnglish() {
    return getMessage();
  }

  /**
   * The refusal as a report entry about the file as a whole (index -1), so that an import answers
   * with one report shape whether the file or its features are at fault.
   */
  public ImportError asImportError() {
    return new ImportError(-1, null, null, reasonChinese(), reasonEnglish());
  }
}
