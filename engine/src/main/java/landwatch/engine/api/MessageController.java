package landwatch.engine.api;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Messages (publish with buffering, correlate now) and signals. */
@RestController
public class MessageController {

  private final Engine engine;
  private final VariableLimits limits;

  public MessageController(Engine engine, VariableLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  @PostMapping(path = "/v2/messages/publication", produces = MediaType.APPLICATION_JSON_VALUE)
  public MessagePublicationResult publish(@RequestBody MessagePublicationRequest request) {
    requireName(request.getName());
    Map<String, Object> variables = limits.check(request.getVariables());
    String correlationKey = request.getCorrelationKey() == null ? "" : request.getCorrelationKey();
    long ttl = request.getTimeToLive() == null ? 0 : request.getTimeToLive();
    return Committed.await(
        engine
            .writer
            .submit(
                batch ->
                    engine.messages.publish(
                        request.getName(), correlationKey, ttl, request.getMessageId(), variables))
            .thenApply(
                c ->
                    new MessagePublicationResult()
                        .messageKey(String.valueOf(c.messageKey()))
                        .tenantId(DeploymentController.TENANT)));
  }

  @PostMapping(path = "/v2/messages/correlation", produces = MediaType.APPLICATION_JSON_VALUE)
  public MessageCorrelationResult correlate(@RequestBody MessageCorrelationRequest request) {
    requireName(request.getName());
    Map<String, Object> variables = limits.check(request.getVariables());
    String correlationKey = request.getCorrelationKey() == null ? "" : request.getCorrelationKey();
    return Committed.await(
        engine
            .writer
            .submit(
                batch -> engine.messages.correlateNow(request.getName(), correlationKey, variables))
            .thenApply(
                c ->
                    new MessageCorrelationResult()
                        .messageKey(String.valueOf(c.messageKey()))
                        .processInstanceKey(String.valueOf(c.processInstanceKeys().get(0)))
                        .tenantId(DeploymentController.TENANT)));
  }

  @PostMapping(path = "/v2/signals/broadcast", produces = MediaType.APPLICATION_JSON_VALUE)
  public SignalBroadcastResult broadcast(@RequestBody SignalBroadcastRequest request) {
    requireName(request.getSignalName());
    Map<String, Object> variables = limits.check(request.getVariables());
    return Committed.await(
        engine
            .writer
            .submit(
                batch ->
                    engine
                        .bpmn
                        .behaviors
                        .signals()
                        .broadcast(
                            request.getSignalName(), variables == null ? Map.of() : variables))
            .thenApply(
                key ->
                    new SignalBroadcastResult()
                        .signalKey(String.valueOf(key))
                        .tenantId(DeploymentController.TENANT)));
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw Rejection.invalidArgument("Expected a name, but none given");
    }
  }
}
