package landwatch.spot.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import landwatch.fixtures.ExifJpeg;
import org.junit.jupiter.api.Test;

class PhotoExifTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void readsThePositionAndTheOriginalTimeAtItsOffset() {
    byte[] jpeg =
        ExifJpeg.photo()
            .takenAt("2026:11:03 10:15:42")
            .offset("+09:00")
            .at(106.271234, 38.471234)
            .bytes();

    PhotoExif exif = PhotoExif.read(jpeg, SHANGHAI).orElseThrow();

    assertThat(exif.takenAt()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:15:42+09:00"));
    // Seconds to 1/10000 s in the fixture: about 3 mm.
    assertThat(exif.longitude()).isCloseTo(106.271234, within(1e-7));
    assertThat(exif.latitude()).isCloseTo(38.471234, within(1e-7));
  }

  @Test
  void aTimeWithoutOffsetIsTheProvincesLocalTime() {
    byte[] jpeg = ExifJpeg.photo().takenAt("2026:11:03 23:30:00").bytes();

    assertThat(PhotoExif.read(jpeg, SHANGHAI).orElseThrow().takenAt())
        .isEqualTo(OffsetDateTime.parse("2026-11-03T23:30:00+08:00"));
  }

  @Test
  void southAndWestAreNegative() {
    PhotoExif exif =
        PhotoExif.read(ExifJpeg.photo().at(-70.5, -33.25).bytes(), SHANGHAI).orElseThrow();

    assertThat(exif.longitude()).isCloseTo(-70.5, within(1e-9));
    assertThat(exif.latitude()).isCloseTo(-33.25, within(1e-9));
  }

  @Test
  void aCameraWithoutClockOrFixGivesNeitherTimeNorPlace() {
    byte[] jpeg = ExifJpeg.photo().takenAt("0000:00:00 00:00:00").at(0, 0).bytes();

    PhotoExif exif = PhotoExif.read(jpeg, SHANGHAI).orElseThrow();

    assertThat(exif.takenAt()).isNull();
    assertThat(exif.hasLocation()).isFalse();
  }

  @Test
  void aBlankOrMalformedTimeIsNoTime() {
    assertThat(
            PhotoExif.read(ExifJpeg.photo().takenAt("    :  :     :  :  ").bytes(), SHANGHAI)
                .orElseThrow()
                .takenAt())
        .isNull();
    assertThat(
            PhotoExif.read(ExifJpeg.photo().takenAt("2026:13:45 10:00:00").bytes(), SHANGHAI)
                .orElseThrow()
                .takenAt())
        .isNull();
  }

  @Test
  void anImageWithoutMetadataIsReadWithNothingInIt() {
    assertThat(PhotoExif.read(ExifJpeg.plainJpeg(), SHANGHAI))
        .contains(new PhotoExif(null, null, null));
    assertThat(PhotoExif.read(ExifJpeg.plainPng(), SHANGHAI))
        .contains(new PhotoExif(null, null, null));
  }

  @Test
  void bytesThatAreNoImageAreNotRead() {
    assertThat(PhotoExif.read("现场说明".getBytes(StandardCharsets.UTF_8), SHANGHAI)).isEmpty();
    assertThat(PhotoExif.read(new byte[0], SHANGHAI)).isEmpty();
  }

  @Test
  void aTruncatedJpegIsNotRead() {
    byte[] jpeg = ExifJpeg.photo().takenAt("2026:11:03 10:15:42").at(106.2, 38.5).bytes();

    assertThat(PhotoExif.read(Arrays.copyOf(jpeg, 20), SHANGHAI)).isEmpty();
  }
}
