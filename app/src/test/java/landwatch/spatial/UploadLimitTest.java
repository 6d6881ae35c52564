package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import landwatch.app.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An upload over the web server's own limit is refused before it reaches any importer. The limit
 * stays above the models the application deploys through its own web server at start.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.servlet.multipart.max-file-size=256KB",
      "spring.servlet.multipart.max-request-size=256KB"
    })
class UploadLimitTest {

  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Test
  void anOversizeUploadIsRefusedInBothLanguages() {
    ResponseEntity<JsonNode> response =
        Uploads.post(http, "/api/batches", "huge.geojson", new byte[512 * 1024]);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("detail").asText())
        .contains("上传文件超过允许的大小", "exceeds the size limit");
  }
}
