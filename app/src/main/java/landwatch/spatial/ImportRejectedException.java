package landwatch.spatial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.spatial.io.ImportError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file refused whole: 422 with one entry per bad feature, so an office can fix its file in one
 * pass instead of one error per upload.
 */
public class ImportRejectedException extends ErrorResponseException {

  /**
   * @param whatChinese what was refused, as the office calls it (批次, 耕地图层)
   * @param whatEnglish the same in English
   */
  private final transient List<ImportError> errors;

  public ImportRejectedException(String whatChinese, String whatEnglish, List<ImportError> errors) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(whatChinese, whatEnglish, errors), null);
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> errors() {
    return errors;
  }

  private static ProblemDetail problem(
      String whatChinese, String whatEnglish, List<ImportError> errors) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            whatChinese
                + "未导入："
                + errors.size()
                + " 处错误 / "
                + whatEnglish
                + " not imported: "
                + errors.size()
                + " error(s)");
    detail.setTitle("Import rejected");
    detail.setProperty(
        "errors",
        errors.stream()
            .map(
                e -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("index", e.index());
                  entry.put("monitoringCode", e.monitoringCode());
                  entry.put("field", e.field());
                  entry.put("reason", e.reason());
                  entry.put("reasonZh", e.reasonChinese());
                  entry.put("reasonEn", e.reasonEnglish());
                  return entry;
                })
            .toList());
    return detail;
  }
}
