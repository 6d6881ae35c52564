package landwatch.spatial;

import landwatch.spatial.io.SpatialImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Unreadable or hostile uploads answer as problem details, in Chinese and English. */
@RestControllerAdvice
class SpatialImportProblems {

  @ExceptionHandler(SpatialImportException.class)
  ProblemDetail refused(SpatialImportException e) {
    HttpStatus status =
        e.refusal() == SpatialImportException.Refusal.INPUT_TOO_LARGE
            ? HttpStatus.PAYLOAD_TOO_LARGE
            : HttpStatus.UNPROCESSABLE_ENTITY;
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(status, e.reasonChinese() + " / " + e.reasonEnglish());
    detail.setTitle("File refused");
    detail.setProperty("refusal", e.refusal().name());
    if (e.detail() != null) {
      detail.setProperty("cause", e.detail());
    }
    return detail;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE, "上传文件超过允许的大小 / the upload exceeds the size limit");
    detail.setTitle("File refused");
    detail.setProperty("refusal", SpatialImportException.Refusal.INPUT_TOO_LARGE.name());
    return detail;
  }
}
