package landwatch.spot.photo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The false-report check of a verification's photos: each photo is located and dated from its
 * metadata and judged against the spot's point and imagery date. A pure function of the documents,
 * so a redelivered job finds the same.
 *
 * @param maxDistanceMetres a photo taken farther from the spot is flagged {@link PhotoFlag#TOO_FAR}
 * @param zone the province's calendar: a photo's day (against the imagery date) and the time of a
 *     photo whose camera wrote no offset
 */
public record PhotoCheck(double maxDistanceMetres, ZoneId zone) {

  public PhotoCheck {
    if (!(maxDistanceMetres > 0) || Double.isInfinite(maxDistanceMetres)) {
      throw new IllegalArgumentException(
          "the maximum distance must be a positive number of metres, was " + maxDistanceMetres);
    }
  }

  /**
   * {@code photoFindings}: {@code photos} (one finding each, in order), {@code flagged} (photos
   * with at least one flag) and the {@code maxDistanceMetres} they were judged by.
   */
  public Map<String, Object> findings(List<?> photos, Spot spot, PhotoDocuments documents) {
    List<Map<String, Object>> findings = new ArrayList<>();
    int flagged = 0;
    for (Object photo : photos) {
      PhotoFinding finding = check(photo, spot, documents);
      findings.add(finding.toMap());
      flagged += finding.flagged() ? 1 : 0;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("photos", findings);
    result.put("flagged", flagged);
    result.put("maxDistanceMetres", maxDistanceMetres);
    return result;
  }

  /**
   * @param longitude the spot's interior point, CGCS2000 degrees
   * @param imageryDate the spot's imagery-after date; null when the batch gave none
   */
  public record Spot(double longitude, double latitude, LocalDate imageryDate) {}

  public PhotoFinding check(Object photo, Spot spot, PhotoDocuments documents) {
    Optional<PhotoReference> found = PhotoReference.of(photo);
    if (found.isEmpty()) {
      return unreadable(null, "无法读取照片：不是文件引用 (not a document reference)");
    }
    PhotoReference reference = found.get();
    Optional<byte[]> content = documents.content(reference);
    if (content.isEmpty()) {
      return unreadable(reference, "无法读取照片：文件不存在、已过期或与引用不符 (document not found)");
    }
    Optional<PhotoExif> exif = PhotoExif.read(content.get(), zone);
    if (exif.isEmpty()) {
      return unreadable(reference, "无法读取照片：不是可识别的图片 (not an image)");
    }
    return judged(reference, exif.get(), spot);
  }

  private PhotoFinding judged(PhotoReference reference, PhotoExif exif, Spot spot) {
    List<PhotoFinding.Flagged> flags = new ArrayList<>();
    Double distance = null;
    if (exif.hasLocation()) {
      distance =
          Math.round(
                  GeodesicDistance.metres(
                          spot.longitude(), spot.latitude(), exif.longitude(), exif.latitude())
                      * 10)
              / 10.0;
      if (distance > maxDistanceMetres) {
        flags.add(
            new PhotoFinding.Flagged(
                PhotoFlag.TOO_FAR,
                "拍摄位置距图斑 "
                    + Math.round(distance)
                    + " 米，超过允许的 "
                    + metres(maxDistanceMetres)
                    + " 米"));
      }
    } else {
      flags.add(new PhotoFinding.Flagged(PhotoFlag.NO_LOCATION, "照片没有拍摄位置（GPS），无法核对是否在图斑现场拍摄"));
    }
    if (exif.takenAt() == null) {
      flags.add(new PhotoFinding.Flagged(PhotoFlag.NO_TIME, "照片没有原始拍摄时间，无法核对拍摄日期"));
    } else if (spot.imageryDate() != null) {
      LocalDate day = exif.takenAt().atZoneSameInstant(zone).toLocalDate();
      if (day.isBefore(spot.imageryDate())) {
        flags.add(
            new PhotoFinding.Flagged(
                PhotoFlag.BEFORE_IMAGERY,
                "拍摄日期 " + day + " 早于影像日期 " + spot.imageryDate() + "，不能反映图斑现状"));
      }
    }
    return new PhotoFinding(
        reference.fileName(),
        reference.documentId(),
        exif.takenAt(),
        exif.latitude(),
        exif.longitude(),
        distance,
        flags);
  }

  private static PhotoFinding unreadable(PhotoReference reference, String message) {
    return new PhotoFinding(
        reference == null ? null : reference.fileName(),
        reference == null ? null : reference.documentId(),
        null,
        null,
        null,
        null,
        List.of(new PhotoFinding.Flagged(PhotoFlag.NOT_AN_IMAGE, message)));
  }

  private static String metres(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
