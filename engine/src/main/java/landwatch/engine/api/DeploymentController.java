package landwatch.engine.api;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import landwatch.engine.Engine;
import landwatch.engine.command.DeploymentCommand;
import landwatch.engine.command.ParsedResource;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.DeployedResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /v2/deployments}: BPMN processes, DMN decisions and forms, versioned per id. */
@RestController
public class DeploymentController {

  static final String TENANT = "<default>";

  private final Engine engine;

  public DeploymentController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping(path = "/v2/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> files) throws IOException {
    if (files.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    List<ParsedResource> resources = new ArrayList<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
      resources.add(engine.parser.parse(name, file.getBytes()));
    }
    return Committed.await(engine.writer.submit(batch -> {
      DeploymentCommand.Deployed deployed = engine.deployments.deploy(batch, resources);
      batch.afterCommit(() -> deployed.processes().forEach(p -> engine.definitions.put(p.key(), p)));
      return deployed;
    }).thenApply(DeploymentController::toResult));
  }

  private static DeploymentResult toResult(DeploymentCommand.Deployed deployed) {
    DeploymentResult result = new DeploymentResult().deploymentKey(String.valueOf(deployed.deploymentKey())).tenantId(TENANT);
    for (DeployedProcess process : deployed.processes()) {
      result.addDeploymentsItem(new DeploymentMetadataResult().processDefinition(new DeploymentProcessResult()
          .processDefinitionId(process.bpmnProcessId())
          .processDefinitionVersion(process.version())
          .resourceName(process.resourceName())
          .tenantId(TENANT)
          .processDefinitionKey(String.valueOf(process.key()))));
    }
    for (DeployedResource resource : deployed.resources()) {
      if (resource.kind().equals("form")) {
        result.addDeploymentsItem(new DeploymentMetadataResult().form(new DeploymentFormResult()
            .formId(resource.resourceId())
            .version(resource.version())
            .resourceName(resource.resourceName())
            .tenantId(TENANT)
            .formKey(String.valueOf(resource.key()))));
        continue;
      }
      result.addDeploymentsItem(new DeploymentMetadataResult().decisionRequirements(new DeploymentDecisionRequirementsResult()
          .decisionRequirementsId(resource.resourceId())
          .version(resource.version())
          .resourceName(resource.resourceName())
          .tenantId(TENANT)
          .decisionRequirementsKey(String.valueOf(resource.key()))));
      ParsedResource source = deployed.dmnSources().stream()
          .filter(s -> s.resourceId().equals(resource.resourceId())).findFirst().orElse(null);
      if (source == null) {
        continue;
      }
      int index = 0;
      for (ParsedResource.Decision decision : source.decisions()) {
        // decision keys derive from the requirements key: stable across identical redeployments
        result.addDeploymentsItem(new DeploymentMetadataResult().decisionDefinition(new DeploymentDecisionResult()
            .decisionDefinitionId(decision.id())
            .name(decision.name())
            .version(resource.version())
            .tenantId(TENANT)
            .decisionRequirementsId(resource.resourceId())
            .decisionDefinitionKey(String.valueOf(resource.key() * 1000 + ++index))
            .decisionRequirementsKey(String.valueOf(resource.key()))));
      }
    }
    return result;
  }
}
