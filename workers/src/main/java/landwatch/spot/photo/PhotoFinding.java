package landwatch.spot.photo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one photo shows of where and when it was taken, and what is wrong with it.
 *
 * @param distanceMetres from the spot's interior point, on the ellipsoid, to 0.1 m
 * @param flags each with the Chinese message the officer and the reviewer read
 */
public record PhotoFinding(
    String fileName,
    String documentId,
    OffsetDateTime takenAt,
    Double latitude,
    Double longitude,
    Double distanceMetres,
    List<Flagged> flags) {

  public record Flagged(PhotoFlag flag, String message) {}

  public PhotoFinding {
    flags = List.copyOf(flags);
  }

  public boolean flagged() {
    return !flags.isEmpty();
  }

  public boolean has(PhotoFlag flag) {
    return flags.stream().anyMatch(f -> f.flag() == flag);
  }

  /** As the process variable holds it: plain JSON values, the time as ISO 8601 with its offset. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("fileName", fileName);
    map.put("documentId", documentId);
    map.put(
        "takenAt", takenAt == null ? null : takenAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    map.put("latitude", latitude);
    map.put("longitude", longitude);
    map.put("distanceMetres", distanceMetres);
    map.put(
        "flags",
        flags.stream()
            .map(f -> Map.<String, Object>of("flag", f.flag().name(), "message", f.message()))
            .toList());
    return map;
  }
}
