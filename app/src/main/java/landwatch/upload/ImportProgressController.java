package landwatch.upload;

import java.util.Arrays;
import java.util.List;
import landwatch.app.web.Spreadsheet;
import landwatch.spatial.ImportProgress;
import landwatch.user.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the upload page polls while its batch or layer is being imported, and the rejected file's
 * report to take back to whoever made the file.
 */
@RestController
@RequestMapping("/api/imports")
class ImportProgressController {

  private static final List<String> REPORT_HEADERS =
      List.of("要素序号", "监测图斑编号", "字段", "问题", "Problem");

  private final ImportProgress progress;

  ImportProgressController(ImportProgress progress) {
    this.progress = progress;
  }

  @GetMapping("/{id}")
  ImportProgress.View progress(@PathVariable String id) {
    return mine(id).view();
  }

  /** Every bad feature of a rejected upload, one per row, as the 422 answer listed them. */
  @GetMapping("/{id}/report")
  ResponseEntity<StreamingResponseBody> report(@PathVariable String id) {
    ImportProgress.Tracker tracker = mine(id);
    if (tracker.view().phase() != ImportProgress.Phase.REJECTED) {
      throw notFound(id);
    }
    return Spreadsheet.download(
        "导入问题清单.xlsx",
        "导入问题清单",
        "共 " + tracker.errors().size() + " 处问题，修正后请重新上传整个文件",
        REPORT_HEADERS,
        sink ->
            tracker
                .errors()
                .forEach(
                    error ->
                        sink.row(
                            Arrays.asList(
                                error.index() + 1,
                                error.monitoringCode(),
                                error.field(),
                                error.reasonChinese(),
                                error.reasonEnglish()))));
  }

  private ImportProgress.Tracker mine(String id) {
    return progress.find(id, CurrentUser.get().username()).orElseThrow(() -> notFound(id));
  }

  private static ErrorResponseException notFound(String id) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的导入 / no import " + id),
        null);
  }
}
