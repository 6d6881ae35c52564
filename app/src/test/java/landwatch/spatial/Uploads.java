package landwatch.spatial;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Multipart uploads as an office's browser sends them. */
public final class Uploads {

  private Uploads() {}

  public static ResponseEntity<JsonNode> post(
      TestRestTemplate http, String path, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", file(content, fileName));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A multipart file part: the content under the file name a browser would send with it. */
  public static Resource file(byte[] content, String fileName) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }
}
