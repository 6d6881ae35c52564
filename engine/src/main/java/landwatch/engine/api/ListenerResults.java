package landwatch.engine.api;

import io.camunda.client.protocol.rest.JobResult;
import io.camunda.client.protocol.rest.JobResultCorrections;
import io.camunda.client.protocol.rest.JobResultUserTask;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.UserTask;

/** A job completion's user task result (a task listener's denial or corrections), checked. */
final class ListenerResults {

  private ListenerResults() {}

  /** Null when the completion carries no user task result. */
  static UserTaskBehavior.ListenerResult of(JobResult result) {
    if (!(result instanceof JobResultUserTask userTask)) {
      return null;
    }
    JobResultCorrections c = userTask.getCorrections();
    UserTask.Changes corrections =
        c == null
            ? UserTask.Changes.NONE
            : new UserTask.Changes(
                c.getAssignee(),
                c.getAssignee() != null,
                date("dueDate", c.getDueDate()),
                date("followUpDate", c.getFollowUpDate()),
                c.getCandidateGroups(),
                c.getCandidateUsers(),
                priority(c.getPriority()));
    return new UserTaskBehavior.ListenerResult(
        Boolean.TRUE.equals(userTask.getDenied()), userTask.getDeniedReason(), corrections);
  }

  /** Empty text clears the date, as an update's does. */
  private static String date(String name, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String normalised = UserTaskBehavior.normalisedDateTime(value);
    if (normalised == null) {
      throw Rejection.invalidArgument(
          "Expected the correction of '%s' to be an ISO 8601 date-time with an offset, but it was"
              + " '%s'",
          name, value);
    }
    return normalised;
  }

  private static Integer priority(Integer priority) {
    if (priority != null && (priority < 0 || priority > 100)) {
      throw Rejection.invalidArgument(
          "Expected the correction of the priority to be from 0 to 100, but it was %d", priority);
    }
    return priority;
  }
}
