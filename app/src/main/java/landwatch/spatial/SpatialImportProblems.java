package landwatch.spatial;

import landwatch.spatial.io.SpatialImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the server's multipart limit never reaches the importers; it answers as a
 * problem detail too. (Files the importers refuse are 422 reports, see {@link ImportRejectedException}.)
 */
@RestControllerAdvice
class SpatialImportProblems {

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
