package landwatch.layer;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import landwatch.user.Role;
import org.springframework.stereotype.Component;

/** Reference layers are replaced by admins and the province; everyone reads what is current. */
@Component
class LayerAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules
        .signedIn(GET, "/api/layers")
        .roles(POST, "/api/layers/*", Role.ADMIN, Role.PROVINCE_MANAGER);
  }
}
