package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DocumentReferenceResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.app.engine.DocumentReferences;
import landwatch.fixtures.ExifJpeg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code landwatch.photo-check} job worker as a process runs it: photos uploaded through the
 * client's document API, referenced as the verify form's file picker stores them, read back by the
 * application's own worker from the embedded engine's document store.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "landwatch.photos.max-distance-metres=150")
class PhotoCheckJobTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final double SPOT_LON = 106.27;
  private static final double SPOT_LAT = 38.47;

  @Autowired CamundaClient client;

  @BeforeEach
  void deploy() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/photo-check-test.bpmn")
        .send()
        .join();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPhotoOnSiteIsClearAndOneFarAwayAndOldIsFlaggedForBoth() {
    Map<String, Object> near =
        upload(
            "近景.jpg",
            ExifJpeg.photo()
                .takenAt("2026:11:03 10:15:00")
                .offset("+08:00")
                .at(SPOT_LON + 0.0002, SPOT_LAT)
                .bytes());
    // About 870 m east, a week before the imagery.
    Map<String, Object> far =
        upload(
            "远景.jpg",
            ExifJpeg.photo().takenAt("2026:10:23 09:00:00").at(SPOT_LON + 0.01, SPOT_LAT).bytes());

    Map<String, Object> findings = run(List.of(near, far));

    assertThat(findings).containsEntry("flagged", 1).containsEntry("maxDistanceMetres", 150.0);
    List<Map<String, Object>> photos = (List<Map<String, Object>>) findings.get("photos");
    assertThat(photos).extracting(p -> p.get("fileName")).containsExactly("近景.jpg", "远景.jpg");

    Map<String, Object> onSite = photos.get(0);
    assertThat(onSite)
        .containsEntry("documentId", near.get("documentId"))
        .containsEntry("takenAt", "2026-11-03T10:15:00+08:00")
        .containsEntry("flags", List.of());
    assertThat(((Number) onSite.get("distanceMetres")).doubleValue()).isCloseTo(17.5, within(0.5));

    Map<String, Object> away = photos.get(1);
    assertThat(away).containsEntry("takenAt", "2026-10-23T09:00:00+08:00");
    assertThat(((Number) away.get("longitude")).doubleValue())
        .isCloseTo(SPOT_LON + 0.01, within(1e-7));
    assertThat(((Number) away.get("distanceMetres")).doubleValue()).isCloseTo(873, within(5.0));
    assertThat((List<Map<String, Object>>) away.get("flags"))
        .extracting(f -> f.get("flag"))
        .containsExactly("TOO_FAR", "BEFORE_IMAGERY");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDocumentNoLongerStoredIsAFindingAndTheProcessGoesOn() {
    Map<String, Object> gone = upload("已删除.jpg", ExifJpeg.plainJpeg());
    client.newDeleteDocumentCommand((String) gone.get("documentId")).send().join();

    Map<String, Object> findings = run(List.of(gone));

    assertThat(findings).containsEntry("flagged", 1);
    Map<String, Object> finding = ((List<Map<String, Object>>) findings.get("photos")).get(0);
    assertThat(finding).containsEntry("fileName", "已删除.jpg").containsEntry("distanceMetres", null);
    assertThat((List<Map<String, Object>>) finding.get("flags"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("flag", "NOT_AN_IMAGE")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).contains("文件不存在")));
  }

  @Test
  void aVerificationWithoutPhotosHasNoFindings() {
    assertThat(run(null)).containsEntry("photos", List.of()).containsEntry("flagged", 0);
  }

  private Map<String, Object> run(List<Map<String, Object>> photos) {
    Map<String, Object> verification = new LinkedHashMap<>();
    verification.put("photos", photos);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("verification", verification);
    variables.put("spotLongitude", SPOT_LON);
    variables.put("spotLatitude", SPOT_LAT);
    variables.put("imageryDate", "2026-10-30");
    @SuppressWarnings("unchecked")
    Map<String, Object> findings =
        (Map<String, Object>)
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("photo-check-test")
                .latestVersion()
                .variables(variables)
                .withResult()
                .requestTimeout(WAIT)
                .send()
                .join()
                .getVariablesAsMap()
                .get("photoFindings");
    return findings;
  }

  /** Stored and referenced as the verify form's file picker does. */
  private Map<String, Object> upload(String fileName, byte[] jpeg) {
    DocumentReferenceResponse stored =
        client
            .newCreateDocumentCommand()
            .content(jpeg)
            .fileName(fileName)
            .contentType("image/jpeg")
            .send()
            .join();
    return DocumentReferences.of(stored, fileName, "image/jpeg");
  }
}
