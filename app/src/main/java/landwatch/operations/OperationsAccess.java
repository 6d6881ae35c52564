package landwatch.operations;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import landwatch.user.Role;
import org.springframework.stereotype.Component;

/**
 * The process view shows every instance of the province, whatever its county, and repairs them: for
 * the province's managers and the administrators only.
 */
@Component
class OperationsAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    for (String pattern :
        new String[] {
          "/api/processes",
          "/api/processes/*/xml",
          "/api/processes/*/statistics",
          "/api/processes/*/instances",
          "/api/process-instances/*",
          "/api/decision-instances/*"
        }) {
      rules.roles(GET, pattern, Role.ADMIN, Role.PROVINCE_MANAGER);
    }
    rules
        .roles(POST, "/api/process-instances/*/modification", Role.ADMIN, Role.PROVINCE_MANAGER)
        .roles(POST, "/api/incidents/*/resolution", Role.ADMIN, Role.PROVINCE_MANAGER);
  }
}
