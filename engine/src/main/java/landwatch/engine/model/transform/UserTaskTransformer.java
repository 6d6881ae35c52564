package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.JobWorkerProperties;
import landwatch.engine.model.UserTaskProperties;

/**
 * User tasks: a Zeebe user task ({@code zeebe:userTask}) gets its assignment, schedule, priority,
 * form and headers; any other user task is job-based with Zeebe's user task job type, as in Zeebe.
 */
final class UserTaskTransformer {

  private static final Expression JOB_TYPE = Expression.of("io.camunda.zeebe:userTask");
  private static final Expression JOB_RETRIES = Expression.of("1");

  /**
   * {@code taskDefinition} is what the node's own {@code zeebe:taskDefinition} made of it, or null.
   */
  void transform(
      FlowNode node, JobWorkerProperties taskDefinition, ExecutableElement.Builder element) {
    if (node.getSingleExtensionElement(ZeebeUserTask.class) != null) {
      element.userTask(zeebeUserTask(node));
    } else {
      element.job(
          new JobWorkerProperties(
              JOB_TYPE, JOB_RETRIES, taskDefinition == null ? Map.of() : taskDefinition.headers()));
    }
  }

  private static UserTaskProperties zeebeUserTask(FlowNode node) {
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority =
        node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    return new UserTaskProperties(
        assignment == null ? null : Expression.of(assignment.getAssignee()),
        assignment == null ? null : Expression.of(assignment.getCandidateGroups()),
        assignment == null ? null : Expression.of(assignment.getCandidateUsers()),
        schedule == null ? null : Expression.of(schedule.getDueDate()),
        schedule == null ? null : Expression.of(schedule.getFollowUpDate()),
        priority == null ? null : Expression.of(priority.getPriority()),
        form(node),
        headersOf(node),
        listenersOf(node));
  }

  private static List<UserTaskProperties.TaskListener> listenersOf(FlowNode node) {
    List<UserTaskProperties.TaskListener> listeners = new ArrayList<>();
    ZeebeTaskListeners all = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (all != null) {
      for (ZeebeTaskListener listener : all.getTaskListeners()) {
        String retries = listener.getRetries();
        listeners.add(
            new UserTaskProperties.TaskListener(
                eventType(listener.getEventType()),
                Expression.of(listener.getType()),
                Expression.of(
                    retries == null || retries.isBlank()
                        ? ZeebeTaskListener.DEFAULT_RETRIES
                        : retries)));
      }
    }
    return listeners;
  }

  /**
   * The names before 8.8 ({@code create}, {@code assignment}, …) mean the 8.8 ones, as in Zeebe.
   */
  static UserTaskProperties.ListenerEventType eventType(ZeebeTaskListenerEventType type) {
    return switch (type) {
      case create, creating -> UserTaskProperties.ListenerEventType.CREATING;
      case assignment, assigning -> UserTaskProperties.ListenerEventType.ASSIGNING;
      case update, updating -> UserTaskProperties.ListenerEventType.UPDATING;
      case complete, completing -> UserTaskProperties.ListenerEventType.COMPLETING;
      case cancel, canceling -> UserTaskProperties.ListenerEventType.CANCELING;
    };
  }

  /** The node's {@code zeebe:formDefinition}: a user task's or a none start event's form. */
  static UserTaskProperties.Form form(FlowNode node) {
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form == null) {
      return null;
    }
    if (form.getFormId() != null && !form.getFormId().isBlank()) {
      return new UserTaskProperties.Form(
          form.getFormId().trim(), binding(form.getBindingType()), form.getVersionTag(), null);
    }
    String external =
        form.getExternalReference() != null ? form.getExternalReference() : form.getFormKey();
    Expression reference = Expression.of(external);
    return reference == null ? null : new UserTaskProperties.Form(null, null, null, reference);
  }

  private static UserTaskProperties.Binding binding(ZeebeBindingType type) {
    if (type == ZeebeBindingType.deployment) {
      return UserTaskProperties.Binding.DEPLOYMENT;
    }
    if (type == ZeebeBindingType.versionTag) {
      return UserTaskProperties.Binding.VERSION_TAG;
    }
    return UserTaskProperties.Binding.LATEST;
  }

  private static Map<String, String> headersOf(FlowNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      taskHeaders.getHeaders().forEach(h -> headers.put(h.getKey(), h.getValue()));
    }
    return headers;
  }
}
