package landwatch.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.search.response.ProcessDefinition;
import java.nio.file.Path;
import java.util.List;
import landwatch.LandwatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The models on the classpath are deployed when the application starts, through its own client:
 * here the test models under {@code src/test/resources/processes} and {@code forms}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelDeploymentTest {

  private static final String TEST_MODEL = "deploy-at-start-test";

  @Autowired CamundaClient client;

  @Test
  void theProcessOnTheClasspathIsDeployedAtStart() {
    List<ProcessDefinition> definitions =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(TEST_MODEL))
            .send()
            .join()
            .items();
    assertThat(definitions)
        .singleElement()
        .satisfies(
            definition -> {
              assertThat(definition.getResourceName()).isEqualTo(TEST_MODEL + ".bpmn");
              assertThat(definition.getVersion()).isEqualTo(1);
            });

    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(TEST_MODEL)
            .latestVersion()
            .withResult()
            .send()
            .join()
            .getProcessInstanceKey();
    assertThat(instance).isPositive();
  }

  /** A changed form under the same id is a second version only if the start deployed the first. */
  @Test
  void theFormOnTheClasspathIsDeployedAtStart() {
    DeploymentEvent changed =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8(
                "{\"id\": \"" + TEST_MODEL + "\", \"type\": \"default\", \"components\": []}",
                TEST_MODEL + ".form")
            .send()
            .join();
    assertThat(changed.getForm()).singleElement().extracting(Form::getVersion).isEqualTo(2);
  }

  @Test
  void withoutModelsNothingIsDeployed() throws Exception {
    CamundaClient unused = mock(CamundaClient.class);
    // Test configuration, but no model among it.
    ModelsProperties noModels =
        new ModelsProperties(List.of("classpath*:config/*", "classpath*:no-such-folder/*"));

    new ModelDeployment(unused, noModels, new DefaultResourceLoader()).run(null);

    verifyNoInteractions(unused);
  }

  @Test
  void aModelTheEngineRefusesStopsTheStart(@TempDir Path dataDir) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(LandwatchApplication.class);

    assertThatThrownBy(
            () ->
                application.run(
                    "--server.port=0",
                    "--landwatch.data-dir=" + dataDir,
                    "--landwatch.models.locations=classpath*:broken-models/*"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("(accepted-beside-a-broken-one.bpmn, broken-model.bpmn)")
        .hasMessageContaining("'broken-model.bpmn': Element: work")
        .hasMessageContaining("zeebe:taskDefinition")
        .hasMessageNotContaining("'accepted-beside-a-broken-one.bpmn':");
  }
}
