package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.COMPRESSION_RATIO_TOO_HIGH;
import static landwatch.spatial.io.SpatialImportException.Refusal.CORRUPT_ARCHIVE;
import static landwatch.spatial.io.SpatialImportException.Refusal.TOO_MANY_ENTRIES;
import static landwatch.spatial.io.SpatialImportException.Refusal.UNCOMPRESSED_TOO_LARGE;
import static landwatch.spatial.io.SpatialImportException.Refusal.UNSAFE_ENTRY_NAME;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks an uploaded zip into memory, refusing anything that could harm the server. */
final class ZipEntries {

  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final int END_RECORD_SIZE = 22;
  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
  // Archives made on Chinese Windows name their entries in GBK without the UTF-8 flag.
  private static final Charset LEGACY_NAME_CHARSET = Charset.forName("GBK");

  private ZipEntries() {}

  /** Whether the bytes start like a zip local file header. */
  static boolean looksLikeZip(byte[] content) {
    return content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && content[2] == 3
        && content[3] == 4;
  }

  /**
   * The files of the archive by their path inside it, in archive order. Directories and macOS
   * resource forks are left out.
   */
  static Map<String, byte[]> unpack(byte[] zip, ImportLimits limits) {
    requireEndOfCentralDirectory(zip);
    CountingInputStream counted = new CountingInputStream(new ByteArrayInputStream(zip));
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(counted, LEGACY_NAME_CHARSET)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++entries > limits.maxEntries()) {
          throw new SpatialImportException(TOO_MANY_ENTRIES, "> " + limits.maxEntries());
        }
        String name = entry.getName();
        requireSafe(name);
        byte[] data = inflate(in, name, counted, limits, limits.maxUncompressedBytes() - total);
        total += data.length;
        if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
          continue;
        }
        if (files.put(name, data) != null) {
          throw new SpatialImportException(CORRUPT_ARCHIVE, "duplicate entry " + name);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // ZipInputStream reports malformed names as IllegalArgumentException.
      throw new SpatialImportException(CORRUPT_ARCHIVE, e.getMessage(), e);
    }
    if (entries == 0) {
      throw new SpatialImportException(CORRUPT_ARCHIVE, "no entries");
    }
    return files;
  }

  /**
   * ZipInputStream reads local headers only and takes a truncated archive for a shorter one; a
   * complete archive ends with its central directory record.
   */
  private static void requireEndOfCentralDirectory(byte[] zip) {
    int lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
    for (int i = zip.length - END_RECORD_SIZE; i >= lowest; i--) {
      if (littleEndianInt(zip, i) == END_OF_CENTRAL_DIRECTORY) {
        return;
      }
    }
    throw new SpatialImportException(CORRUPT_ARCHIVE, "no end of central directory (truncated?)");
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  private static void requireSafe(String name) {
    String normalized = name.replace('\\', '/');
    boolean unsafe =
        normalized.startsWith("/")
            || DRIVE_LETTER.matcher(normalized).matches()
            || normalized.indexOf('\0') >= 0;
    for (String segment : normalized.split("/")) {
      unsafe |= segment.equals("..");
    }
    if (unsafe) {
      throw new SpatialImportException(UNSAFE_ENTRY_NAME, name);
    }
  }

  private static byte[] inflate(
      ZipInputStream in, String name, CountingInputStream counted, ImportLimits limits, long budget)
      throws IOException {
    long compressedStart = counted.count();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long inflated = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      inflated += n;
      if (inflated > budget) {
        throw new SpatialImportException(
            UNCOMPRESSED_TOO_LARGE, "> " + limits.maxUncompressedBytes() + " bytes");
      }
      // The counter runs a buffer ahead of the inflater; the +1 keeps a stored entry's
      // ratio finite.
      long compressed = counted.count() - compressedStart + 1;
      if (inflated > limits.ratioThresholdBytes()
          && inflated / compressed > limits.maxCompressionRatio()) {
        throw new SpatialImportException(
            COMPRESSION_RATIO_TOO_HIGH, name + ": > " + limits.maxCompressionRatio() + ":1");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
