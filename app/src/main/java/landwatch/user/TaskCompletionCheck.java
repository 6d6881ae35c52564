package landwatch.user;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.worker.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import landwatch.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * Completing listener {@value #JOB_TYPE} of every spot-check user task: the task is completed by
 * the user it is assigned to, who names themself in {@code completedBy}, holds an enabled account
 * and belongs to one of the task's candidate groups — so every step is attributed to someone who
 * may take it, whatever client completed it. A contractor, whose group is offered verification
 * only, is refused the judgment with a reason of its own.
 */
@Component
public class TaskCompletionCheck {

  static final String JOB_TYPE = "landwatch.task-completion-check";

  private final UserStore users;
  private final RegionService regions;

  TaskCompletionCheck(UserStore users, RegionService regions) {
    this.users = users;
    this.regions = regions;
  }

  @JobWorker(type = JOB_TYPE, autoComplete = false, fetchVariables = "completedBy")
  public void check(JobClient client, ActivatedJob job) {
    List<String> problems = problems(job.getUserTask(), job.getVariablesAsMap().get("completedBy"));
    ListenerVerdict.completeOrDeny(client, job, problems);
  }

  List<String> problems(UserTaskProperties task, Object completedBy) {
    List<String> problems = new ArrayList<>();
    String assignee = task.getAssignee();
    if (assignee == null || assignee.isBlank()) {
      problems.add("请先认领任务再提交");
      return problems;
    }
    if (!(completedBy instanceof String name) || !name.equals(assignee)) {
      problems.add("提交人（" + completedBy + "）不是任务办理人（" + assignee + "）");
      return problems;
    }
    Optional<UserAccount> account = users.find(assignee).map(UserStore.StoredUser::account);
    if (account.isEmpty() || !account.get().enabled()) {
      problems.add("用户 " + assignee + " 不存在或已停用");
      return problems;
    }
    List<String> groups = groupsOf(account.get());
    List<String> candidates =
        task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
    if (candidates.stream().noneMatch(groups::contains)) {
      boolean contractor =
          account.get().roles().contains(Role.CONTRACTOR)
              && candidates.stream().anyMatch(g -> g.endsWith(":officer"));
      problems.add(
          contractor
              ? "第三方核查人员不能进行合法性判定，须由县级执法人员判定"
              : "用户 " + assignee + " 不属于本任务的办理单位或角色（" + String.join("、", candidates) + "）");
    }
    return problems;
  }

  private List<String> groupsOf(UserAccount account) {
    var unit = regions.get(account.unitCode());
    return account.roles().stream()
        .map(role -> role.group(unit))
        .flatMap(Optional::stream)
        .toList();
  }
}
