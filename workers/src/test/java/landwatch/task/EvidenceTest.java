package landwatch.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceTest {

  private static byte[] isoMedia(String brand) {
    byte[] box = new byte[16];
    box[3] = 16;
    System.arraycopy(("ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1), 0, box, 4, 8);
    return box;
  }

  @Test
  void photosAndVideosAreRecognisedByTheirContent() {
    assertThat(Evidence.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "x.png"))
        .hasValue("image/jpeg");
    assertThat(Evidence.mediaType(isoMedia("isom"), "现场视频.mp4")).hasValue("video/mp4");
    assertThat(Evidence.mediaType(isoMedia("qt  "), "clip.mov")).hasValue("video/quicktime");
    assertThat(Evidence.mediaType(isoMedia("heic"), "IMG_0001.HEIC")).hasValue("image/heic");
  }

  @Test
  void writtenDocumentsAreAcceptedAsForExtensions() {
    assertThat(Evidence.mediaType("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "说明.pdf"))
        .hasValue("application/pdf");
  }

  @Test
  void anythingElseIsNoEvidenceWhateverItsName() {
    assertThat(Evidence.mediaType("just text".getBytes(StandardCharsets.UTF_8), "photo.jpg"))
        .isEmpty();
    assertThat(Evidence.mediaType(new byte[0], "photo.jpg")).isEmpty();
    assertThat(Evidence.mediaType("....ftyp".getBytes(StandardCharsets.US_ASCII), "a.mp4"))
        .isEmpty();
  }
}
