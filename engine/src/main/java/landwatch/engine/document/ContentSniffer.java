package landwatch.engine.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a document's bytes are, from their leading bytes ("magic numbers"), independently of what
 * the uploader declared: a declared type is only as good as the client that sent it.
 */
final class ContentSniffer {

  /** A container format several declared types share (office documents are zip or OLE files). */
  static final String ZIP = "application/zip";

  static final String OLE = "application/x-ole-storage";

  /** Valid UTF-8 without control characters other than whitespace. */
  static final String TEXT = "text/plain";

  /** Native executables and scripts: refused whatever their declared type. */
  static final String EXECUTABLE = "application/x-executable";

  private static final int TEXT_PREFIX = 8192;

  private ContentSniffer() {}

  private record Magic(int offset, byte[] bytes, String type) {}

  private static final Magic[] MAGICS = {
    magic(0, "FFD8FF", "image/jpeg"),
    magic(0, "89504E470D0A1A0A", "image/png"),
    magic(0, ascii("GIF87a"), "image/gif"),
    magic(0, ascii("GIF89a"), "image/gif"),
    magic(8, ascii("WEBP"), "image/webp"),
    magic(0, "49492A00", "image/tiff"),
    magic(0, "4D4D002A", "image/tiff"),
    magic(0, ascii("BM"), "image/bmp"),
    magic(0, ascii("%PDF-"), "application/pdf"),
    magic(0, "504B0304", ZIP),
    magic(0, "D0CF11E0A1B11AE1", OLE),
    magic(0, ascii("MZ"), EXECUTABLE),
    magic(0, "7F454C46", EXECUTABLE),
    magic(0, "CAFEBABE", EXECUTABLE),
    magic(0, "FEEDFACE", EXECUTABLE),
    magic(0, "FEEDFACF", EXECUTABLE),
    magic(0, "CEFAEDFE", EXECUTABLE),
    magic(0, "CFFAEDFE", EXECUTABLE),
    magic(0, ascii("#!"), EXECUTABLE)
  };

  /**
   * The type the bytes show: one of the recognised types, {@link #TEXT}, or null when they are
   * binary of no recognised kind.
   */
  static String sniff(byte[] content) {
    for (Magic magic : MAGICS) {
      if (startsWith(content, magic)) {
        return magic.type();
      }
    }
    return isText(content) ? TEXT : null;
  }

  /** Whether the type is one {@link #sniff} recognises by its bytes. */
  static boolean isRecognised(String type) {
    return Arrays.stream(MAGICS).anyMatch(m -> m.type().equals(type));
  }

  private static boolean startsWith(byte[] content, Magic magic) {
    if (magic.type().equals("image/webp") && !startsWith(content, 0, ascii("RIFF"))) {
      return false;
    }
    return startsWith(content, magic.offset(), magic.bytes());
  }

  private static boolean startsWith(byte[] content, int offset, byte[] bytes) {
    if (content.length < offset + bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (content[offset + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Judged on a prefix: a multi-byte character cut at its end is still text. */
  private static boolean isText(byte[] content) {
    int length = Math.min(content.length, TEXT_PREFIX);
    for (int i = 0; i < length; i++) {
      int b = content[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return length == TEXT_PREFIX && length < content.length && decodesUpToLastCharacter(content);
    }
  }

  private static boolean decodesUpToLastCharacter(byte[] content) {
    for (int cut = 1; cut <= 3; cut++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(content, 0, TEXT_PREFIX - cut));
        return true;
      } catch (CharacterCodingException ignored) {
        // the cut fell inside a character: try one byte earlier
      }
    }
    return false;
  }

  private static Magic magic(int offset, String hexOrBytes, String type) {
    return new Magic(offset, hex(hexOrBytes), type);
  }

  private static Magic magic(int offset, byte[] bytes, String type) {
    return new Magic(offset, bytes, type);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
