package landwatch.engine.api;

import io.camunda.client.protocol.rest.FormResult;
import java.util.List;
import landwatch.engine.model.UserTaskProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deployed forms as the API answers them, read from {@code engine.resource}: by key (a user task's
 * linked form), or by id and binding (a process's start form). The schema is the form's JSON text,
 * as Camunda answers it.
 */
public final class Forms {

  private static final String COLUMNS =
      "SELECT key, resource_id, version, convert_from(resource, 'UTF8') AS schema FROM engine.resource ";

  private final JdbcTemplate jdbc;

  public Forms(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The form with this key, or null. */
  public FormResult form(long key) {
    return first(COLUMNS + "WHERE kind = 'form' AND key = ?", key);
  }

  /**
   * The form a start event links to by id: the latest version, the one current at the process's
   * deployment, or the latest with the version tag — as a user task's form is resolved. Null when
   * none matches.
   */
  public FormResult linked(UserTaskProperties.Form form, long deploymentKey) {
    String byId = COLUMNS + "WHERE kind = 'form' AND resource_id = ? ";
    return switch (form.binding()) {
      case LATEST -> first(byId + "ORDER BY version DESC LIMIT 1", form.formId());
      case DEPLOYMENT ->
          first(
              byId + "AND deployment_key <= ? ORDER BY version DESC LIMIT 1",
              form.formId(),
              deploymentKey);
      case VERSION_TAG ->
          first(
              byId
                  + "AND convert_from(resource, 'UTF8')::json->>'versionTag' = ? "
                  + "ORDER BY version DESC LIMIT 1",
              form.formId(),
              form.versionTag());
    };
  }

  private FormResult first(String sql, Object... args) {
    List<FormResult> found =
        jdbc.query(
            sql,
            (rs, n) ->
                new FormResult()
                    .formKey(String.valueOf(rs.getLong("key")))
                    .formId(rs.getString("resource_id"))
                    .version(rs.getLong("version"))
                    .schema(rs.getString("schema"))
                    .tenantId(DeploymentController.TENANT),
            args);
    return found.isEmpty() ? null : found.get(0);
  }
}
