package landwatch.batch;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import landwatch.user.Role;
import org.springframework.stereotype.Component;

/** Admins upload the Ministry's batches; everyone reads the part within their jurisdiction. */
@Component
class BatchAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules
        .roles(POST, "/api/batches", Role.ADMIN)
        .signedIn(
            GET,
            "/api/batches",
            "/api/batches/*",
            "/api/batches/*/spots",
            "/api/batches/*/progress",
            "/api/batches/*/progress/export");
  }
}
