package landwatch.user;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import landwatch.engine.testing.ManagementEndpoints;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The rules of this feature's endpoints and of those below it in the feature stack, which cannot
 * name roles themselves: the region tree, the audit trail, actuator, the engine's API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoreAccess implements EndpointAccess {

  private final boolean managementEndpoints;

  CoreAccess(Environment environment) {
    this.managementEndpoints =
        environment.getProperty(ManagementEndpoints.PROPERTY, Boolean.class, false);
  }

  @Override
  public void declare(AccessRules rules) {
    if (managementEndpoints) {
      // Test applications only: Zeebe's management contract, which Camunda Process Test calls
      // without credentials (engine README, "testing").
      rules.engine("/actuator/clock", "/actuator/clock/**", "/actuator/cluster/**");
    }
    rules
        .engine("/v2/**")
        // A document link is a capability: its unguessable, expiring token is the credential.
        .engine("/engine/document-links/*")
        .anyone(null, "/error")
        .anyone(GET, "/login", "/assets/**", "/favicon.ico")
        .anyone(GET, "/actuator/health", "/actuator/health/**")
        .roles(null, "/actuator/**", Role.ADMIN)
        .signedIn(
            GET, "/", "/index.html", "/api/me", "/api/tokens", "/api/regions", "/api/regions/**")
        .signedIn(POST, "/api/me/password", "/api/tokens")
        .signedIn(DELETE, "/api/tokens/*")
        .roles(GET, "/api/users", Role.ADMIN)
        .roles(GET, "/api/users/*", Role.ADMIN)
        .roles(POST, "/api/users", Role.ADMIN)
        .roles(PATCH, "/api/users/*", Role.ADMIN)
        .roles(POST, "/api/users/*/disable", Role.ADMIN)
        .roles(POST, "/api/users/*/enable", Role.ADMIN)
        .roles(POST, "/api/users/*/password", Role.ADMIN)
        .roles(GET, "/api/audit", Role.ADMIN, Role.PROVINCE_MANAGER);
  }
}
