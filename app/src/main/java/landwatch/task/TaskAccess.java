package landwatch.task;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import org.springframework.stereotype.Component;

/**
 * Every role with tasks reaches the tasklist; which tasks each sees is the tasklist's business:
 * those offered to their candidate groups ({@code Tasklist}). Admins have no group and so no tasks.
 */
@Component
class TaskAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules
        .signedIn(
            GET,
            "/api/tasks",
            "/api/tasks/export",
            "/api/tasks/*",
            "/api/tasks/*/form",
            "/api/tasks/*/variables")
        .signedIn(
            POST,
            "/api/tasks/bulk-completion",
            "/api/tasks/*/claim",
            "/api/tasks/*/unclaim",
            "/api/tasks/*/documents",
            "/api/tasks/*/completion");
  }
}
