package landwatch.spot;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Job worker {@value #JOB_TYPE}: checks the spot named by the {@code spotId} variable against the
 * reference layers, stores the result on the spot and hands the flags to the process.
 *
 * <p>Idempotent: a redelivered job computes the same result from the same layer versions, finds it
 * already stored and writes nothing. Not a component by itself: the application declares it as a
 * bean once it provides {@link SpotRecords}.
 */
public class SpatialCheckWorker {

  public static final String JOB_TYPE = "landwatch.spatial-check";
  public static final String SPOT_ID = "spotId";

  /** BPMN error code for a {@code spotId} the store does not know; the model can catch it. */
  public static final String SPOT_NOT_FOUND = "SPOT_NOT_FOUND";

  private final SpotRecheck recheck;

  public SpatialCheckWorker(SpatialCheckService service, SpotRecords spots) {
    this.recheck = new SpotRecheck(service, spots);
  }

  @JobWorker(type = JOB_TYPE, autoComplete = false, fetchVariables = SPOT_ID)
  public void checkSpot(JobClient client, ActivatedJob job) {
    Object spotId = job.getVariablesAsMap().get(SPOT_ID);
    if (!(spotId instanceof String monitoringCode) || monitoringCode.isBlank()) {
      // A model without a spotId is a modelling error: retrying cannot help, so raise an
      // incident at once.
      client
          .newFailCommand(job.getKey())
          .retries(0)
          .errorMessage(
              "job variable " + SPOT_ID + " must be the spot's monitoring code, was " + spotId)
          .send()
          .join();
      return;
    }
    Optional<SpatialCheckResult> result = recheck.recheck(monitoringCode);
    if (result.isEmpty()) {
      client
          .newThrowErrorCommand(job.getKey())
          .errorCode(SPOT_NOT_FOUND)
          .errorMessage(
              "图斑 " + monitoringCode + " 不存在 (no spot with monitoring code " + monitoringCode + ")")
          .send()
          .join();
      return;
    }
    client.newCompleteCommand(job.getKey()).variables(variables(result.get())).send().join();
  }

  static Map<String, Object> variables(SpatialCheckResult result) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("occupiesBasicFarmland", result.flags().occupiesBasicFarmland());
    variables.put("occupiesCultivatedLand", result.flags().occupiesCultivatedLand());
    variables.put("inEcologicalRedLine", result.flags().inEcologicalRedLine());
    variables.put("outsideUrbanBoundary", result.flags().outsideUrbanBoundary());
    variables.put("coveredByApprovedUse", result.flags().coveredByApprovedUse());
    variables.put("mandatoryReview", result.mandatoryReview());
    variables.put("suggestedJudgment", result.suggestion().judgment().name());
    variables.put("spotAreaMu", result.areaMu());
    return variables;
  }
}
