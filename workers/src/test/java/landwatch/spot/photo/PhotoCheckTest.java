package landwatch.spot.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.fixtures.ExifJpeg;
import net.sf.geographiclib.Geodesic;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class PhotoCheckTest {

  private static final double SPOT_LON = 106.27;
  private static final double SPOT_LAT = 38.47;
  private static final LocalDate IMAGERY = LocalDate.parse("2026-10-30");
  private static final PhotoCheck.Spot SPOT = new PhotoCheck.Spot(SPOT_LON, SPOT_LAT, IMAGERY);

  private final PhotoCheck check = new PhotoCheck(200, ZoneId.of("Asia/Shanghai"));
  private final Map<String, byte[]> stored = new HashMap<>();
  private final PhotoDocuments documents = ref -> Optional.ofNullable(stored.get(ref.documentId()));

  @Test
  void aPhotoTakenAtTheSpotAfterTheImageryIsNotFlagged() {
    Object photo =
        store(
            "near.jpg",
            ExifJpeg.photo()
                .takenAt("2026:11:03 10:15:00")
                .offset("+08:00")
                .at(SPOT_LON, SPOT_LAT + 0.001)
                .bytes());

    PhotoFinding finding = check.check(photo, SPOT, documents);

    assertThat(finding.flags()).isEmpty();
    assertThat(finding.fileName()).isEqualTo("near.jpg");
    assertThat(finding.documentId()).isEqualTo("doc-near.jpg");
    assertThat(finding.takenAt()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:15:00+08:00"));
    assertThat(finding.latitude()).isCloseTo(SPOT_LAT + 0.001, within(1e-7));
    double expected =
        new Geodesic(6_378_137.0, 1 / 298.257222101)
            .Inverse(SPOT_LAT, SPOT_LON, SPOT_LAT + 0.001, SPOT_LON).s12;
    assertThat(finding.distanceMetres()).isCloseTo(expected, within(0.1));
    assertThat(finding.distanceMetres()).isBetween(110.0, 112.0);
  }

  @Test
  void aPhotoOneDegreeOfLatitudeAwayAround38NorthIsAbout110Point9KilometresAndTooFar() {
    Object photo =
        store(
            "far.jpg", ExifJpeg.photo().takenAt("2026:11:03 10:15:00").at(SPOT_LON, 38.5).bytes());

    PhotoFinding finding =
        check.check(photo, new PhotoCheck.Spot(SPOT_LON, 37.5, IMAGERY), documents);

    assertThat(finding.distanceMetres()).isCloseTo(110_950, Percentage.withPercentage(0.5));
    assertThat(finding.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.flag()).isEqualTo(PhotoFlag.TOO_FAR);
              assertThat(f.message()).contains("超过允许的 200 米");
            });
  }

  @Test
  void theMaximumDistanceIsTheConfiguredOne() {
    Object photo =
        store(
            "250m.jpg",
            ExifJpeg.photo()
                .takenAt("2026:11:03 10:15:00")
                .at(SPOT_LON, SPOT_LAT + 0.00225)
                .bytes());

    assertThat(check.check(photo, SPOT, documents).has(PhotoFlag.TOO_FAR)).isTrue();
    assertThat(
            new PhotoCheck(300, ZoneId.of("Asia/Shanghai"))
                .check(photo, SPOT, documents)
                .has(PhotoFlag.TOO_FAR))
        .isFalse();
  }

  @Test
  void aPhotoTakenTheDayBeforeTheImageryInTheProvinceIsBeforeImagery() {
    // 2026-10-29 17:30 in London is 2026-10-30 01:30 in Yinchuan: the imagery day, not before.
    Object onTheDay =
        store(
            "ontheday.jpg",
            ExifJpeg.photo()
                .takenAt("2026:10:29 17:30:00")
                .offset("+00:00")
                .at(SPOT_LON, SPOT_LAT)
                .bytes());
    Object before =
        store(
            "before.jpg",
            ExifJpeg.photo().takenAt("2026:10:29 23:59:59").at(SPOT_LON, SPOT_LAT).bytes());

    assertThat(check.check(onTheDay, SPOT, documents).flags()).isEmpty();
    assertThat(check.check(before, SPOT, documents).flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.flag()).isEqualTo(PhotoFlag.BEFORE_IMAGERY);
              assertThat(f.message()).contains("2026-10-29").contains("早于影像日期 2026-10-30");
            });
  }

  @Test
  void withoutAnImageryDateNoPhotoIsBeforeIt() {
    Object old =
        store(
            "old.jpg",
            ExifJpeg.photo().takenAt("2020:01:01 12:00:00").at(SPOT_LON, SPOT_LAT).bytes());

    assertThat(check.check(old, new PhotoCheck.Spot(SPOT_LON, SPOT_LAT, null), documents).flags())
        .isEmpty();
  }

  @Test
  void aPhotoWithoutMetadataHasNoLocationAndNoTime() {
    Object photo = store("plain.png", ExifJpeg.plainPng());

    PhotoFinding finding = check.check(photo, SPOT, documents);

    assertThat(finding.flags())
        .extracting(PhotoFinding.Flagged::flag)
        .containsExactly(PhotoFlag.NO_LOCATION, PhotoFlag.NO_TIME);
    assertThat(finding.flags())
        .allSatisfy(f -> assertThat(f.message()).containsPattern("\\p{IsHan}"));
    assertThat(finding.distanceMetres()).isNull();
    assertThat(finding.takenAt()).isNull();
  }

  @Test
  void aFileThatIsNoImageIsAFindingNotAFailure() {
    Object text = store("notes.jpg", "现场说明".getBytes(StandardCharsets.UTF_8));

    PhotoFinding finding = check.check(text, SPOT, documents);

    assertThat(finding.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.flag()).isEqualTo(PhotoFlag.NOT_AN_IMAGE);
              assertThat(f.message()).contains("不是可识别的图片");
            });
    assertThat(finding.fileName()).isEqualTo("notes.jpg");
  }

  @Test
  void aDocumentNoLongerStoredAndAValueThatIsNoReferenceAreUnreadable() {
    PhotoFinding gone = check.check(reference("gone.jpg"), SPOT, documents);
    PhotoFinding noReference = check.check("photo.jpg", SPOT, documents);

    assertThat(gone.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.flag()).isEqualTo(PhotoFlag.NOT_AN_IMAGE);
              assertThat(f.message()).contains("文件不存在");
            });
    assertThat(gone.documentId()).isEqualTo("doc-gone.jpg");
    assertThat(noReference.flags())
        .extracting(PhotoFinding.Flagged::flag)
        .containsExactly(PhotoFlag.NOT_AN_IMAGE);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFindingsCountFlaggedPhotosAndNameTheDistanceTheyWereJudgedBy() {
    Object near =
        store(
            "near.jpg",
            ExifJpeg.photo().takenAt("2026:11:03 10:15:00").at(SPOT_LON, SPOT_LAT).bytes());
    Object far =
        store(
            "far.jpg",
            ExifJpeg.photo().takenAt("2026:10:01 10:15:00").at(SPOT_LON + 0.01, SPOT_LAT).bytes());

    Map<String, Object> findings = check.findings(List.of(near, far), SPOT, documents);

    assertThat(findings).containsEntry("flagged", 1).containsEntry("maxDistanceMetres", 200.0);
    List<Map<String, Object>> photos = (List<Map<String, Object>>) findings.get("photos");
    assertThat(photos).extracting(p -> p.get("fileName")).containsExactly("near.jpg", "far.jpg");
    assertThat(photos.get(0))
        .containsEntry("takenAt", "2026-11-03T10:15:00+08:00")
        .containsEntry("distanceMetres", 0.0)
        .containsEntry("flags", List.of());
    List<Map<String, Object>> farFlags = (List<Map<String, Object>>) photos.get(1).get("flags");
    assertThat(farFlags)
        .extracting(f -> f.get("flag"))
        .containsExactly("TOO_FAR", "BEFORE_IMAGERY");
    assertThat(check.findings(List.of(), SPOT, documents))
        .containsEntry("photos", List.of())
        .containsEntry("flagged", 0);
  }

  @Test
  void theMaximumDistanceMustBePositive() {
    assertThatThrownBy(() -> new PhotoCheck(0, ZoneId.of("Asia/Shanghai")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhotoCheck(Double.NaN, ZoneId.of("Asia/Shanghai")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Object store(String fileName, byte[] content) {
    stored.put("doc-" + fileName, content);
    return reference(fileName);
  }

  /** As the file picker stores it. */
  private static Map<String, Object> reference(String fileName) {
    return Map.of(
        "camunda.document.type",
        "camunda",
        "storeId",
        "postgresql",
        "documentId",
        "doc-" + fileName,
        "contentHash",
        "0".repeat(64),
        "metadata",
        Map.of("fileName", fileName, "contentType", "image/jpeg"));
  }
}
