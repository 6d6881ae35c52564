package landwatch.engine.api;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes an {@link ActivatedJobsBody} on the request thread the long poll is resumed on, as Jackson
 * would write a result, but from bytes already made and with the failure noticed.
 */
public final class ActivatedJobsBodyConverter
    extends AbstractHttpMessageConverter<ActivatedJobsBody> {

  public ActivatedJobsBodyConverter() {
    super(MediaType.APPLICATION_JSON);
  }

  @Override
  protected boolean supports(Class<?> type) {
    return ActivatedJobsBody.class.equals(type);
  }

  @Override
  public boolean canRead(Class<?> type, MediaType mediaType) {
    return false;
  }

  @Override
  protected ActivatedJobsBody readInternal(
      Class<? extends ActivatedJobsBody> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("An activation response is not read", input);
  }

  @Override
  protected Long getContentLength(ActivatedJobsBody body, MediaType contentType) {
    return body.contentLength();
  }

  @Override
  protected void writeInternal(ActivatedJobsBody body, HttpOutputMessage output)
      throws IOException {
    body.writeTo(output.getBody());
  }
}
