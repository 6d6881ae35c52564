package landwatch.engine.api;

import io.camunda.client.protocol.rest.FormResult;
import landwatch.engine.Engine;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedProcess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /process-definitions/{key}/form}: the form linked to the process's none start event,
 * resolved by its binding as a user task's is; 204 when it links none (or none deployed matches).
 */
@RestController
public class StartFormController {

  private final Engine engine;
  private final Forms forms;

  public StartFormController(Engine engine, Forms forms) {
    this.engine = engine;
    this.forms = forms;
  }

  @GetMapping(
      path = "/v2/process-definitions/{key}/form",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<FormResult> startForm(@PathVariable("key") long key) {
    DeployedProcess process = engine.definitions.get(key);
    if (process == null) {
      throw Rejection.notFound("Process definition with key '%d' not found", key);
    }
    ExecutableElement start =
        process.executable().root.children.stream()
            .filter(e -> e.type == ElementType.START_EVENT && e.eventType == EventType.NONE)
            .findFirst()
            .orElse(null);
    if (start == null || start.form == null || start.form.formId() == null) {
      return ResponseEntity.noContent().build();
    }
    FormResult form = forms.linked(start.form, process.deploymentKey());
    return form == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(form);
  }
}
