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
import landwatch.engine.EngineProperties;
import landwatch.engine.deployment.DeploymentCommand;
import landwatch.engine.deployment.ParsedResource;
import landwatch.engine.deployment.ResourceParser;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.state.DeployedDecision;
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

  static final String LIMITS = "landwatch.engine.limits.";
  static final String MAX_RESOURCE_SIZE = LIMITS + "max-resource-size";
  static final String MAX_DEPLOYMENT_SIZE = LIMITS + "max-deployment-size";
  static final String MAX_RESOURCES_PER_DEPLOYMENT = LIMITS + "max-resources-per-deployment";
  static final String MAX_PROCESSES_PER_RESOURCE = LIMITS + "max-processes-per-resource";

  private final Engine engine;
  private final EngineProperties.Limits limits;

  public DeploymentController(Engine engine, EngineProperties properties) {
    this.engine = engine;
    this.limits = properties.limits();
  }

  /**
   * Every limit is checked before anything is parsed, on the request's thread: the number of
   * resources, each one's size and their total (from the multipart headers, nothing read yet), then
   * the number of executable processes of each BPMN resource (a streaming count that stops past the
   * limit). Only then are the resources read and parsed, and the writer sees them.
   */
  @PostMapping(
      path = "/v2/deployments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> files)
      throws IOException {
    if (files.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    checkSizes(files);
    List<ParsedResource> resources = new ArrayList<>();
    for (MultipartFile file : files) {
      String name = name(file);
      byte[] content = file.getBytes();
      if (ResourceParser.isBpmn(name)) {
        int processes =
            ResourceParser.countExecutableProcesses(content, limits.maxProcessesPerResource());
        if (processes > limits.maxProcessesPerResource()) {
          throw Rejection.invalidArgument(
              "Expected at most %d executable processes in one resource (%s), but '%s' has more",
              limits.maxProcessesPerResource(), MAX_PROCESSES_PER_RESOURCE, name);
        }
      }
      resources.add(engine.parser.parse(name, content));
    }
    return Committed.await(
        engine
            .writer
            .submit(
                batch -> {
                  DeploymentCommand.Deployed deployed = engine.deployments.deploy(batch, resources);
                  batch.afterCommit(
                      () -> deployed.processes().forEach(p -> engine.definitions.put(p.key(), p)));
                  return deployed;
                })
            .thenApply(DeploymentController::toResult));
  }

  private void checkSizes(List<MultipartFile> files) {
    if (files.size() > limits.maxResourcesPerDeployment()) {
      throw tooManyResources(limits.maxResourcesPerDeployment(), String.valueOf(files.size()));
    }
    long maxResource = limits.maxResourceSize().toBytes();
    long total = 0;
    for (MultipartFile file : files) {
      if (file.getSize() > maxResource) {
        throw new Rejection(
            RejectionType.PAYLOAD_TOO_LARGE,
            String.format(
                "Expected resources of at most %d bytes (%s=%s), but '%s' has %d bytes",
                maxResource,
                MAX_RESOURCE_SIZE,
                limits.maxResourceSize(),
                name(file),
                file.getSize()));
      }
      total += file.getSize();
    }
    if (total > limits.maxDeploymentSize().toBytes()) {
      throw new Rejection(
          RejectionType.PAYLOAD_TOO_LARGE,
          String.format(
              "Expected a deployment of at most %d bytes (%s=%s), but its %d resources have %d bytes together",
              limits.maxDeploymentSize().toBytes(),
              MAX_DEPLOYMENT_SIZE,
              limits.maxDeploymentSize(),
              files.size(),
              total));
    }
  }

  static Rejection tooManyResources(int limit, String found) {
    return Rejection.invalidArgument(
        "Expected to deploy at most %d resources (%s), but the deployment has %s",
        limit, MAX_RESOURCES_PER_DEPLOYMENT, found);
  }

  private static String name(MultipartFile file) {
    return file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
  }

  private static DeploymentResult toResult(DeploymentCommand.Deployed deployed) {
    DeploymentResult result =
        new DeploymentResult()
            .deploymentKey(String.valueOf(deployed.deploymentKey()))
            .tenantId(TENANT);
    for (DeployedProcess process : deployed.processes()) {
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .processDefinition(
                  new DeploymentProcessResult()
                      .processDefinitionId(process.bpmnProcessId())
                      .processDefinitionVersion(process.version())
                      .resourceName(process.resourceName())
                      .tenantId(TENANT)
                      .processDefinitionKey(String.valueOf(process.key()))));
    }
    for (DeployedResource resource : deployed.resources()) {
      if (resource.kind().equals("form")) {
        result.addDeploymentsItem(
            new DeploymentMetadataResult()
                .form(
                    new DeploymentFormResult()
                        .formId(resource.resourceId())
                        .version(resource.version())
                        .resourceName(resource.resourceName())
                        .tenantId(TENANT)
                        .formKey(String.valueOf(resource.key()))));
        continue;
      }
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .decisionRequirements(
                  new DeploymentDecisionRequirementsResult()
                      .decisionRequirementsId(resource.resourceId())
                      .version(resource.version())
                      .resourceName(resource.resourceName())
                      .tenantId(TENANT)
                      .decisionRequirementsKey(String.valueOf(resource.key()))));
    }
    for (DeployedDecision decision : deployed.decisions()) {
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .decisionDefinition(
                  new DeploymentDecisionResult()
                      .decisionDefinitionId(decision.decisionId())
                      .name(decision.name())
                      .version(decision.version())
                      .tenantId(TENANT)
                      .decisionRequirementsId(decision.decisionRequirementsId())
                      .decisionDefinitionKey(String.valueOf(decision.key()))
                      .decisionRequirementsKey(
                          String.valueOf(decision.decisionRequirementsKey()))));
    }
    return result;
  }
}
