package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.PlaneShapes;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SpatialCheckWorkerTest {

  private static final double E = 500_000;
  private static final double N = 4_150_000;

  private final PlaneShapes plane = new PlaneShapes(105);
  private final ReferenceLayers layers = new ReferenceLayers();
  private final InMemorySpots spots = new InMemorySpots();
  private final SpatialCheckService service =
      new SpatialCheckService(
          layers, JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json"));
  private final SpatialCheckWorker worker = new SpatialCheckWorker(service, spots);
  private final JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);

  @BeforeEach
  void layersAndSpot() {
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E + 50, N - 50, 300, 300)));
    layers.replace(
        LayerClass.URBAN_BOUNDARY, "2022", List.of(plane.rectangle(E - 900, N - 900, 800, 800)));
    spots.put(
        new SpotRecord("640104202303000123", plane.rectangle(E, N, 100, 100), "新增建设", false, null));
  }

  private static ActivatedJob job(long key, Object spotId) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(key);
    Map<String, Object> variables = new HashMap<>();
    variables.put(SpatialCheckWorker.SPOT_ID, spotId);
    when(job.getVariablesAsMap()).thenReturn(variables);
    return job;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> completedVariables(long key) {
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(client.newCompleteCommand(key)).variables(variables.capture());
    return variables.getValue();
  }

  @Test
  void checksTheSpotStoresTheResultAndCompletesWithTheFlags() {
    worker.checkSpot(client, job(7L, "640104202303000123"));

    assertThat(completedVariables(7L))
        .containsEntry("occupiesCultivatedLand", true)
        .containsEntry("occupiesBasicFarmland", false)
        .containsEntry("inEcologicalRedLine", false)
        .containsEntry("outsideUrbanBoundary", true)
        .containsEntry("coveredByApprovedUse", false)
        .containsEntry("mandatoryReview", true)
        .containsEntry("suggestedJudgment", "ILLEGAL")
        .containsEntry("spotAreaMu", new BigDecimal("15.00"));
    SpatialCheckResult stored = spots.find("640104202303000123").orElseThrow().spatialResult();
    assertThat(stored.overlap(LayerClass.CULTIVATED_LAND).areaMu())
        .isEqualTo(new BigDecimal("7.50"));
    assertThat(spots.saves).hasSize(1);
  }

  @Test
  void aJobDeliveredTwiceWritesOnceAndCompletesAlike() {
    worker.checkSpot(client, job(7L, "640104202303000123"));
    worker.checkSpot(client, job(8L, "640104202303000123"));

    assertThat(spots.saves).hasSize(1);
    assertThat(completedVariables(8L)).isEqualTo(completedVariables(7L));
  }

  @Test
  void aNewLayerVersionChangesTheStoredResult() {
    worker.checkSpot(client, job(7L, "640104202303000123"));
    layers.replace(LayerClass.CULTIVATED_LAND, "2023", List.of());

    worker.checkSpot(client, job(8L, "640104202303000123"));

    assertThat(spots.saves).hasSize(2);
    assertThat(completedVariables(8L)).containsEntry("occupiesCultivatedLand", false);
    assertThat(spots.find("640104202303000123").orElseThrow().spatialResult().layerVersions())
        .containsEntry(LayerClass.CULTIVATED_LAND, "2023");
  }

  @Test
  void aResultCheckedAgainstTheActiveLayersIsTakenAsStored() {
    // what an import of a larger spot would have stored: told apart from a recomputation by its
    // area
    SpatialCheckResult imported = service.check(plane.rectangle(E, N, 200, 200), "新增建设", false);
    spots.put(
        new SpotRecord(
            "640104202303000123", plane.rectangle(E, N, 100, 100), "新增建设", false, imported));

    worker.checkSpot(client, job(7L, "640104202303000123"));

    assertThat(completedVariables(7L)).containsEntry("spotAreaMu", imported.areaMu());
    assertThat(spots.saves).isEmpty();
  }

  @Test
  void aResultOfAnotherRuleTableIsRecomputed() {
    SpatialCheckResult current = service.check(plane.rectangle(E, N, 100, 100), "新增建设", false);
    SpatialCheckResult ofOlderRules =
        new SpatialCheckResult(
            current.areaMu(),
            current.overlaps(),
            current.flags(),
            current.outsideUrbanBoundaryMu(),
            current.uncoveredByApprovedUseMu(),
            current.outsideMiningRightsMu(),
            current.mandatoryReview(),
            current.mandatoryReviewReasons(),
            current.suggestion(),
            "older-rules",
            current.layerVersions());
    spots.put(
        new SpotRecord(
            "640104202303000123", plane.rectangle(E, N, 100, 100), "新增建设", false, ofOlderRules));

    worker.checkSpot(client, job(7L, "640104202303000123"));

    assertThat(spots.saves).hasSize(1);
    assertThat(spots.find("640104202303000123").orElseThrow().spatialResult()).isEqualTo(current);
  }

  @Test
  void unknownSpotThrowsACatchableBpmnError() {
    worker.checkSpot(client, job(9L, "640104209999999999"));

    verify(client.newThrowErrorCommand(9L)).errorCode(SpatialCheckWorker.SPOT_NOT_FOUND);
    verify(client, never()).newCompleteCommand(anyLong());
    assertThat(spots.saves).isEmpty();
  }

  @Test
  void missingSpotIdRaisesAnIncidentWithoutRetries() {
    worker.checkSpot(client, job(10L, null));

    verify(client.newFailCommand(10L)).retries(0);
    verify(client, never()).newCompleteCommand(anyLong());
    verify(client, never()).newThrowErrorCommand(anyLong());
  }

  @Test
  void subscribesToTheSpatialCheckJobTypeFetchingOnlyTheSpotId() throws Exception {
    JobWorker annotation =
        SpatialCheckWorker.class
            .getMethod("checkSpot", JobClient.class, ActivatedJob.class)
            .getAnnotation(JobWorker.class);

    assertThat(annotation.type()).isEqualTo("landwatch.spatial-check");
    assertThat(annotation.fetchVariables()).containsExactly("spotId");
    assertThat(annotation.autoComplete()).isFalse();
  }

  /** The app stores spots in PostgreSQL; here a map stands in, counting writes. */
  private static final class InMemorySpots implements SpotRecords {
    private final Map<String, SpotRecord> records = new HashMap<>();
    private final List<String> saves = new ArrayList<>();

    void put(SpotRecord record) {
      records.put(record.monitoringCode(), record);
    }

    @Override
    public Optional<SpotRecord> find(String monitoringCode) {
      return Optional.ofNullable(records.get(monitoringCode));
    }

    @Override
    public void saveSpatialResult(String monitoringCode, SpatialCheckResult result) {
      SpotRecord old = records.get(monitoringCode);
      records.put(
          monitoringCode,
          new SpotRecord(
              monitoringCode, old.geometry(), old.changeType(), old.demolishAndRestore(), result));
      saves.add(monitoringCode);
    }
  }
}
