package landwatch.extension;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts one {@code spot-extension} instance per application by publishing message {@code
 * extension-applied}, the application's id as correlation key and in the message id: a publication
 * repeated after a crash is refused as a duplicate and starts nothing twice. Runs after each
 * application, at every start and then every minute (configurable), for every application not yet
 * started: an engine that was away when the county applied gets the application once it is back.
 */
@Component
class ExtensionInstances {

  private static final Logger LOG = LoggerFactory.getLogger(ExtensionInstances.class);
  static final String MESSAGE = "extension-applied";

  private final ExtensionStore store;
  private final CamundaClient camunda;
  private final ExtensionProperties properties;

  ExtensionInstances(ExtensionStore store, CamundaClient camunda, ExtensionProperties properties) {
    this.store = store;
    this.camunda = camunda;
    this.properties = properties;
  }

  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "extension-instances"));

  @EventListener(ApplicationReadyEvent.class)
  void resumeAtStart() {
    retries.scheduleWithFixedDelay(
        this::startPendingLogged,
        0,
        properties.startRetryInterval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    retries.shutdownNow();
  }

  private void startPendingLogged() {
    try {
      startPending();
    } catch (RuntimeException e) {
      LOG.warn("延期申请审批流程启动检查失败 / checking for unstarted extensions failed", e);
    }
  }

  /** Starts what is unstarted; a publication that fails is left for the next run. */
  synchronized void startPending() {
    List<ExtensionStore.Unstarted> unstarted = store.unstarted();
    for (ExtensionStore.Unstarted application : unstarted) {
      try {
        publish(application);
        store.markStarted(application.id());
      } catch (RuntimeException e) {
        LOG.warn(
            "延期申请 {} 的审批流程未能启动，下次申请或重启时重试 / extension {} not started: {}",
            application.id(),
            application.id(),
            e.getMessage());
      }
    }
  }

  private void publish(ExtensionStore.Unstarted application) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey(String.valueOf(application.id()))
          .messageId(MESSAGE + "-" + application.id())
          .timeToLive(properties.appliedTimeToLive())
          .variables(variables(application))
          .send()
          .join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof ProblemException problem && problem.code() == 409)) {
        throw e;
      }
    } catch (ProblemException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private static Map<String, Object> variables(ExtensionStore.Unstarted application) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("extensionId", application.id());
    variables.put("countyCode", application.countyCode());
    variables.put("cityCode", application.cityCode());
    variables.put("spotCodes", application.spotCodes());
    variables.put("reason", application.reason());
    variables.put("requestedDueDate", application.requestedDue().toString());
    variables.put("allowedDueDate", application.requestedDue().toString());
    variables.put("latestCountyDue", application.latestCountyDue().toString());
    variables.put("approvalChain", application.approvalChain());
    variables.put("applicationDocument", List.of(application.document()));
    variables.put("appliedBy", application.appliedBy());
    return variables;
  }
}
