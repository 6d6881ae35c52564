package landwatch.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WrittenApplicationTest {

  private static byte[] bytes(int... values) {
    byte[] content = new byte[values.length + 4];
    for (int i = 0; i < values.length; i++) {
      content[i] = (byte) values[i];
    }
    return content;
  }

  @Test
  void documentsAreRecognisedByTheirContent() {
    assertThat(
            WrittenApplication.mediaType(
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "申请.txt"))
        .contains("application/pdf");
    assertThat(WrittenApplication.mediaType(bytes(0xFF, 0xD8, 0xFF, 0xE0), "scan"))
        .contains("image/jpeg");
    assertThat(
            WrittenApplication.mediaType(
                bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "scan.png"))
        .contains("image/png");
    assertThat(
            WrittenApplication.mediaType(
                bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "申请.doc"))
        .contains("application/msword");
  }

  @Test
  void aZipIsAcceptedOnlyAsAWordDocumentOrAnOfd() {
    byte[] zip = bytes('P', 'K', 3, 4);
    assertThat(WrittenApplication.mediaType(zip, "延期申请.DOCX"))
        .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(WrittenApplication.mediaType(zip, "延期申请.ofd")).contains("application/ofd");
    assertThat(WrittenApplication.mediaType(zip, "spots.zip")).isEmpty();
    assertThat(WrittenApplication.mediaType(zip, null)).isEmpty();
  }

  @Test
  void anythingElseIsNotAWrittenApplication() {
    assertThat(WrittenApplication.mediaType(new byte[0], "申请.pdf")).isEmpty();
    assertThat(WrittenApplication.mediaType("请延期".getBytes(StandardCharsets.UTF_8), "申请.pdf"))
        .isEmpty();
    assertThat(WrittenApplication.mediaType(bytes('%', 'P', 'D'), "申请.pdf")).isEmpty();
  }
}
