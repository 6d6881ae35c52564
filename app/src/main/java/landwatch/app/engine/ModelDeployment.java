package landwatch.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Deploys the application's models (the BPMN, DMN and forms packaged from {@code processes/} and
 * {@code forms/}) to whichever engine the client points at. A runner, so it runs once the web
 * server is up: the embedded engine is served by it. One deployment, so a start deploys all of them
 * or none. A model the engine refuses stops the start, naming the file and the engine's reason, and
 * so does an engine that cannot be reached: the application never runs without its processes.
 */
@Component
@EnableConfigurationProperties(ModelsProperties.class)
class ModelDeployment implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  private static final List<String> MODEL_EXTENSIONS = List.of(".bpmn", ".dmn", ".form");

  private final CamundaClient client;
  private final ModelsProperties properties;
  private final ResourcePatternResolver resources;

  ModelDeployment(
      CamundaClient client, ModelsProperties properties, ResourceLoader resourceLoader) {
    this.client = client;
    this.properties = properties;
    this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
  }

  @Override
  public void run(ApplicationArguments arguments) throws IOException {
    List<Resource> models = models();
    if (models.isEmpty()) {
      return;
    }
    List<String> names = models.stream().map(Resource::getFilename).toList();
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 deploy = null;
    for (Resource model : models) {
      deploy = command.addResourceBytes(read(model), model.getFilename());
      command = deploy;
    }
    try {
      DeploymentEvent deployment = deploy.send().join();
      LOG.info("Deployed {} (deployment {})", String.join(", ", names), deployment.getKey());
    } catch (ClientException e) {
      throw new IllegalStateException(
          "Cannot deploy the models at start (" + String.join(", ", names) + "): " + reason(e), e);
    }
  }

  private List<Resource> models() throws IOException {
    List<Resource> found = new ArrayList<>();
    for (String location : properties.locations()) {
      for (Resource resource : resources.getResources(location)) {
        if (resource.isReadable() && isModel(resource.getFilename())) {
          found.add(resource);
        }
      }
    }
    found.sort(Comparator.comparing(Resource::getFilename));
    return found;
  }

  private static byte[] read(Resource model) throws IOException {
    try (InputStream in = model.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static boolean isModel(String fileName) {
    return fileName != null
        && MODEL_EXTENSIONS.stream().anyMatch(fileName.toLowerCase(Locale.ROOT)::endsWith);
  }

  /**
   * The engine's own words when it refused (they name the resource), else why it was not reached.
   */
  private static String reason(ClientException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem
          && problem.details() != null
          && problem.details().getDetail() != null) {
        return problem.details().getDetail();
      }
    }
    return failure.getMessage();
  }
}
