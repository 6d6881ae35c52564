package landwatch.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final ContentTypes types =
      new ContentTypes(List.of("image/*", "application/pdf", "text/plain", DOCX));

  @Test
  void theDeclaredTypeIsKeptWithoutItsParametersWhenTheBytesAgree() {
    assertThat(types.check("image/PNG", png(), "a.png")).isEqualTo("image/png");
    assertThat(types.check("text/plain; charset=UTF-8", text("Grüße"), "a.txt"))
        .isEqualTo("text/plain");
    assertThat(types.check(DOCX, zip(), "a.docx")).isEqualTo(DOCX);
  }

  @Test
  void withoutADeclaredTypeTheBytesDecide() {
    assertThat(types.check(null, pdf(), "a")).isEqualTo("application/pdf");
    assertThat(types.check("application/octet-stream", png(), "a")).isEqualTo("image/png");
    assertRefused(null, new byte[] {0, 1, 2, 3}, "application/octet-stream");
  }

  @Test
  void bytesThatAreNotWhatIsDeclaredAreRefused() {
    assertRefused("image/jpeg", png(), "image/png");
    assertRefused("application/pdf", text("%PD not quite"), "text/plain");
    assertRefused("text/plain", pdf(), "application/pdf");
    assertRefused(DOCX, pdf(), "application/pdf");
    assertRefused("image/svg+xml", text("<svg/>"), "text/plain");
  }

  @Test
  void executablesAreRefusedWhateverTheyAreDeclaredAs() {
    for (String header : List.of("4D5A9000", "7F454C46", "CAFEBABE", "2321")) {
      assertRefused("image/jpeg", HexFormat.of().parseHex(header + "00000000"), "executable");
      assertRefused(null, HexFormat.of().parseHex(header + "00000000"), "executable");
    }
  }

  @Test
  void typesOutsideTheAllowedOnesAreRefusedNamingTheProperty() {
    assertRefused("application/zip", zip(), ContentTypes.PROPERTY);
    assertRefused(null, zip(), ContentTypes.PROPERTY);
  }

  @Test
  void textIsJudgedOnItsFirstBytesEvenWhenACharacterIsCutThere() {
    byte[] umlauts = new byte[10_000];
    byte[] u = "ü".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 1 < umlauts.length; i += 2) {
      umlauts[i] = u[0];
      umlauts[i + 1] = u[1];
    }
    byte[] shifted = new byte[umlauts.length + 1];
    shifted[0] = 'a';
    System.arraycopy(umlauts, 0, shifted, 1, umlauts.length);
    assertThat(ContentSniffer.sniff(shifted)).isEqualTo(ContentSniffer.TEXT);
    assertThat(ContentSniffer.sniff(text("line\twith\ttabs\r\n"))).isEqualTo(ContentSniffer.TEXT);
    assertThat(ContentSniffer.sniff(new byte[] {'a', 0, 'b'})).isNull();
  }

  private void assertRefused(String declared, byte[] content, String detail) {
    assertThatThrownBy(() -> types.check(declared, content, "file"))
        .isInstanceOfSatisfying(
            Rejection.class,
            r -> assertThat(r.type).isEqualTo(RejectionType.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining(detail);
  }

  private static byte[] png() {
    return withTail(HexFormat.of().parseHex("89504E470D0A1A0A"));
  }

  private static byte[] pdf() {
    return withTail("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] zip() {
    return withTail(HexFormat.of().parseHex("504B0304"));
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withTail(byte[] head) {
    byte[] bytes = Arrays.copyOf(head, head.length + 64);
    Arrays.fill(bytes, head.length, bytes.length, (byte) 0x01);
    return bytes;
  }
}
