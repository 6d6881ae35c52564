package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Linked forms: resolved by their binding (latest, deployment, versionTag) when the task is
 * created; a form id nothing deployed is accepted at deployment and raises FORM_NOT_FOUND when the
 * task is reached, as in Zeebe; a form that is not a JSON object with an id is refused; a process's
 * start form.
 */
class UserTaskFormTest extends EngineTest {

  private static String form(String formId, String label, String versionTag) {
    return "{\"id\":\""
        + formId
        + "\",\"type\":\"default\""
        + (versionTag == null ? "" : ",\"versionTag\":\"" + versionTag + "\"")
        + ",\"components\":[{\"type\":\"textfield\",\"key\":\"verdict\",\"label\":\""
        + label
        + "\"}]}";
  }

  private long deployForm(String json) {
    return client
        .newDeployResourceCommand()
        .addResourceStringUtf8(json, "form.form")
        .send()
        .join()
        .getForm()
        .get(0)
        .getFormKey();
  }

  private BpmnModelInstance process(String id, String formId, String binding, String versionTag) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .userTask(
            "task",
            u -> {
              u.zeebeUserTask().zeebeFormId(formId);
              if (binding != null) {
                u.zeebeFormBindingType(
                    io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType.valueOf(binding));
              }
              if (versionTag != null) {
                u.zeebeFormVersionTag(versionTag);
              }
            })
        .endEvent()
        .done();
  }

  private UserTask taskOf(long instance) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void latestBindingTakesTheLatestVersionWhenTheTaskIsCreated() {
    String id = uniqueId("form-latest");
    String formId = id + "-form";
    long first = deployForm(form(formId, "First", null));
    deploy(process(id, formId, null, null));
    UserTask early = taskOf(start(id));
    long second = deployForm(form(formId, "Second", null));
    UserTask late = taskOf(start(id));

    assertThat(early.getFormKey()).isEqualTo(first);
    assertThat(late.getFormKey()).isEqualTo(second);
    Form linked = client.newUserTaskGetFormRequest(late.getUserTaskKey()).send().join();
    assertThat(linked.getFormKey()).isEqualTo(second);
    assertThat(linked.getFormId()).isEqualTo(formId);
    assertThat(linked.getVersion()).isEqualTo(2);
    assertThat(linked.getSchema()).isEqualTo(form(formId, "Second", null));
    assertThat(client.newUserTaskGetFormRequest(early.getUserTaskKey()).send().join().getSchema())
        .isEqualTo(form(formId, "First", null));
  }

  @Test
  void deploymentBindingTakesTheVersionDeployedWithTheProcess() {
    String id = uniqueId("form-deployment");
    String formId = id + "-form";
    DeploymentEvent together =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8(form(formId, "Together", null), "form.form")
            .addProcessModel(process(id, formId, "deployment", null), "process.bpmn")
            .send()
            .join();
    deployForm(form(formId, "Later", null));
    assertThat(taskOf(start(id)).getFormKey()).isEqualTo(together.getForm().get(0).getFormKey());
  }

  @Test
  void versionTagBindingTakesTheVersionCarryingTheTag() {
    String id = uniqueId("form-tag");
    String formId = id + "-form";
    long tagged = deployForm(form(formId, "Tagged", "v1"));
    deployForm(form(formId, "Other", "v2"));
    deployForm(form(formId, "Untagged", null));
    deploy(process(id, formId, "versionTag", "v1"));
    assertThat(taskOf(start(id)).getFormKey()).isEqualTo(tagged);
  }

  @Test
  void aMissingFormIsAcceptedAtDeploymentAndRaisesFormNotFoundUntilItIsDeployed() {
    String id = uniqueId("form-missing");
    String formId = id + "-form";
    deploy(process(id, formId, null, null));
    long instance = start(id);
    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("FORM_NOT_FOUND");
    assertThat(incidents.get(0).getErrorMessage()).contains(formId);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instance))
                .send()
                .join()
                .items())
        .isEmpty();

    long formKey = deployForm(form(formId, "Arrived", null));
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(taskOf(instance).getFormKey()).isEqualTo(formKey);
  }

  @Test
  void aFormThatIsNotAJsonObjectWithAnIdIsRefusedAndNothingIsStored() {
    String id = uniqueId("form-bad");
    String formId = id + "-form";
    for (String bad : List.of("not json", "[\"" + formId + "\"]", "{\"components\":[]}")) {
      assertThatThrownBy(
              () ->
                  client
                      .newDeployResourceCommand()
                      .addResourceStringUtf8(bad, "bad.form")
                      .addProcessModel(process(id, formId, null, null), "process.bpmn")
                      .send()
                      .join())
          .isInstanceOfSatisfying(
              ProblemException.class,
              p -> {
                assertThat(p.code()).isEqualTo(400);
                assertThat(p.details().getDetail()).contains("bad.form");
              });
    }
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(id))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void aTaskWithoutAFormAnswersNoContent() {
    String id = uniqueId("form-none");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .done());
    UserTask task = taskOf(start(id));
    assertThat(task.getFormKey()).isNull();
    // the client answers a 204 with an empty form
    assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId())
        .isNull();
  }

  @Test
  void theStartFormIsTheFormOfTheNoneStartEvent() {
    String id = uniqueId("form-start");
    String formId = id + "-form";
    long formKey = deployForm(form(formId, "Apply", null));
    long withForm =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent("apply")
                .zeebeFormId(formId)
                .endEvent()
                .done());
    Form start = client.newProcessDefinitionGetFormRequest(withForm).send().join();
    assertThat(start.getFormKey()).isEqualTo(formKey);
    assertThat(start.getSchema()).isEqualTo(form(formId, "Apply", null));

    String plain = uniqueId("form-start-none");
    long without = deploy(Bpmn.createExecutableProcess(plain).startEvent().endEvent().done());
    assertThat(client.newProcessDefinitionGetFormRequest(without).send().join().getFormId())
        .isNull();
  }
}
