package landwatch.spot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/**
 * Job worker {@value #JOB_TYPE}: hands the process the flags of the spot named by the {@code
 * spotId} variable. The batch import has checked and stored every spot: that result is taken while
 * the layer versions and the rule table it was computed against are still the active ones; else the
 * spot is checked against the reference layers again and the new result stored on the spot.
 *
 * <p>Idempotent: a redelivered job finds the result current and writes nothing. Not a component by
 * itself: the application declares it as a bean once it provides {@link SpotRecords}.
 */
public class SpatialCheckWorker {

  public static final String JOB_TYPE = "landwatch.spatial-check";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
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
    Optional<SpotRecheck.Rechecked> result = recheck.current(monitoringCode);
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

  /**
   * The flags for simple gateway conditions, and what decision {@code spot-judgment-suggestion}
   * reads: the whole result as {@code spatialCheck} (as {@code GET /api/spots/{code}/spatial} shows
   * it), the change type and 拆除复耕; and a point inside the spot, from which field photos are
   * measured.
   */
  static Map<String, Object> variables(SpotRecheck.Rechecked checked) {
    SpatialCheckResult result = checked.result();
    SpotRecord spot = checked.spot();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("spatialCheck", JSON.convertValue(result, MAP));
    variables.put("changeType", spot.changeType());
    variables.put("demolishAndRestore", spot.demolishAndRestore());
    Point inside = spot.geometry().getInteriorPoint();
    variables.put("spotLongitude", inside.getX());
    variables.put("spotLatitude", inside.getY());
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
