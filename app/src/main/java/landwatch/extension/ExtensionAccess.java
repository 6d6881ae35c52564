package landwatch.extension;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import landwatch.user.Role;
import org.springframework.stereotype.Component;

/**
 * A county officer applies (for their own county's spots); everyone reads the applications of their
 * jurisdiction ({@code ExtensionController}).
 */
@Component
class ExtensionAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules.roles(POST, "/api/extensions", Role.COUNTY_OFFICER);
    rules.signedIn(
        GET,
        "/api/extensions",
        "/api/extensions/export",
        "/api/extensions/*",
        "/api/extensions/*/application");
  }
}
