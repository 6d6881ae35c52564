package landwatch.spot;

import static org.springframework.http.HttpMethod.GET;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import org.springframework.stereotype.Component;

/** Spots are read by every role, each within their jurisdiction ({@code SpotController}). */
@Component
class SpotAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules.signedIn(
        GET,
        "/api/spots",
        "/api/spots/export",
        "/api/spots/outlines",
        "/api/spots/*",
        "/api/spots/*/spatial",
        "/api/spots/*/map",
        "/api/spots/*/decisions",
        "/api/spots/*/documents/*");
  }
}
