package landwatch.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/** The basemap proxy against a real HTTP tile service on a local port. */
class MapControllerTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

  private HttpServer tiles;
  private final List<String> asked = new ArrayList<>();

  @BeforeEach
  void serveTiles() throws IOException {
    tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tiles.createContext(
        "/DataServer",
        exchange -> {
          asked.add(exchange.getRequestURI().getQuery());
          boolean missing = exchange.getRequestURI().getQuery().contains("l=3");
          byte[] body = missing ? "no".getBytes(StandardCharsets.UTF_8) : PNG;
          exchange.getResponseHeaders().add("Content-Type", missing ? "text/plain" : "image/png");
          exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    tiles.start();
  }

  @AfterEach
  void stop() {
    tiles.stop(0);
  }

  private MapController configured() {
    String url =
        "http://127.0.0.1:"
            + tiles.getAddress().getPort()
            + "/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=SECRET";
    return new MapController(new MapProperties(new MapProperties.Basemap(url, "天地图")));
  }

  @Test
  void aTileIsFetchedWithTheKeyTheBrowserNeverSees() throws Exception {
    MapController map = configured();

    ResponseEntity<byte[]> tile = map.tile(12, 3300, 1500);

    assertThat(tile.getBody()).isEqualTo(PNG);
    assertThat(tile.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(tile.getHeaders().getCacheControl()).contains("max-age=86400");
    assertThat(asked).containsExactly("T=img_w&x=3300&y=1500&l=12&tk=SECRET");
    assertThat(map.settings()).isEqualTo(new MapController.MapSettings(true, "天地图"));
  }

  @Test
  void aTileOutsideTheGridIsABadRequestAndNeverAsked() {
    MapController map = configured();

    assertThatThrownBy(() -> map.tile(2, 4, 0))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    assertThatThrownBy(() -> map.tile(23, 0, 0)).isInstanceOf(ErrorResponseException.class);
    assertThat(asked).isEmpty();
  }

  @Test
  void aServiceAnsweringWithoutAnImageIsABadGateway() {
    assertThatThrownBy(() -> configured().tile(3, 1, 1))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
              assertThat(e.getBody().getDetail()).contains("404");
            });
  }

  @Test
  void withoutABasemapThereAreNoTiles() {
    MapController map = new MapController(new MapProperties(null));

    assertThat(map.settings()).isEqualTo(new MapController.MapSettings(false, null));
    assertThatThrownBy(() -> map.tile(1, 0, 0))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
  }
}
