package landwatch.spot.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Where and when a photo was taken, as its metadata says (Exif in JPEG, HEIC, PNG, WebP, TIFF).
 *
 * @param takenAt {@code DateTimeOriginal} at its {@code OffsetTimeOriginal}, or in the given zone
 *     when the camera wrote no offset (most phones before Exif 2.31); null when absent
 * @param longitude null (and so is {@code latitude}) when there is no usable GPS position
 */
public record PhotoExif(OffsetDateTime takenAt, Double longitude, Double latitude) {

  private static final DateTimeFormatter EXIF_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  public boolean hasLocation() {
    return longitude != null;
  }

  /** Empty when the bytes are no image the reader knows, or a damaged one. */
  public static Optional<PhotoExif> read(byte[] content, ZoneId zone) {
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content));
    } catch (ImageProcessingException | IOException e) {
      // The bytes are in memory: an IOException here is a truncated or malformed file.
      return Optional.empty();
    }
    OffsetDateTime takenAt = takenAt(metadata, zone);
    GeoLocation location = location(metadata);
    return Optional.of(
        location == null
            ? new PhotoExif(takenAt, null, null)
            : new PhotoExif(takenAt, location.getLongitude(), location.getLatitude()));
  }

  private static OffsetDateTime takenAt(Metadata metadata, ZoneId zone) {
    for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
      String original = trimmed(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
      // Cameras without a clock write zeros or blanks ("0000:00:00 00:00:00"): no time.
      if (original == null || original.startsWith("0000")) {
        continue;
      }
      LocalDateTime local;
      try {
        local = LocalDateTime.parse(original, EXIF_DATE_TIME);
      } catch (DateTimeException e) {
        continue;
      }
      String offset = trimmed(exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
      if (offset != null) {
        try {
          return local.atOffset(ZoneOffset.of(offset));
        } catch (DateTimeException e) {
          // An unreadable offset is as good as none.
        }
      }
      return local.atZone(zone).toOffsetDateTime();
    }
    return null;
  }

  private static GeoLocation location(Metadata metadata) {
    for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
      GeoLocation location = gps.getGeoLocation();
      // (0, 0) is what a receiver without a fix writes, not a place in the province.
      if (location != null
          && !location.isZero()
          && Math.abs(location.getLatitude()) <= 90
          && Math.abs(location.getLongitude()) <= 180) {
        return location;
      }
    }
    return null;
  }

  private static String trimmed(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.replace('\0', ' ').strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
