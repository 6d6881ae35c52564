package landwatch.map;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map pages need beyond the spots: whether there is a basemap, and its tiles. */
@RestController
@RequestMapping("/api/map")
@EnableConfigurationProperties(MapProperties.class)
class MapController {

  /** Deeper than any XYZ service serves; also keeps x and y within int range. */
  private static final int MAX_ZOOM = 22;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final MapProperties.Basemap basemap;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  MapController(MapProperties properties) {
    this.basemap = properties.basemap();
  }

  record MapSettings(boolean basemap, String attribution) {}

  @GetMapping
  MapSettings settings() {
    return new MapSettings(
        basemap.configured(), basemap.configured() ? basemap.attribution() : null);
  }

  @GetMapping("/tiles/{z}/{x}/{y}")
  ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable long x, @PathVariable long y)
      throws InterruptedException {
    if (!basemap.configured()) {
      throw problem(HttpStatus.NOT_FOUND, "没有配置底图服务 (no basemap is configured)");
    }
    if (z < 0 || z > MAX_ZOOM || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z) {
      throw problem(HttpStatus.BAD_REQUEST, "瓦片编号超出范围 (no such tile)");
    }
    URI uri =
        URI.create(
            basemap
                .url()
                .replace("{z}", Integer.toString(z))
                .replace("{x}", Long.toString(x))
                .replace("{y}", Long.toString(y)));
    HttpResponse<byte[]> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw problem(HttpStatus.BAD_GATEWAY, "底图服务无法访问 (the basemap service is unreachable)");
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !type.startsWith("image/")) {
      throw problem(
          HttpStatus.BAD_GATEWAY,
          "底图服务未返回图片 (the basemap service answered " + response.statusCode() + " " + type + ")");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
        .body(response.body());
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    ErrorResponseException problem = new ErrorResponseException(status);
    problem.setDetail(detail);
    return problem;
  }
}
