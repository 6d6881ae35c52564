package landwatch.map;

import static org.springframework.http.HttpMethod.GET;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import org.springframework.stereotype.Component;

/** The basemap is the same for everyone signed in; it shows no data of ours. */
@Component
class MapAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules.signedIn(GET, "/api/map", "/api/map/tiles/*/*/*");
  }
}
