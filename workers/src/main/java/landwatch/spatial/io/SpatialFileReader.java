package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.INPUT_TOO_LARGE;
import static landwatch.spatial.io.SpatialImportException.Refusal.UNKNOWN_FORMAT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * The entry point for an uploaded spatial file: detects a zipped Shapefile or GeoJSON by content,
 * not by name, and returns its features in CGCS2000 lon/lat. Anything unreadable or hostile ends in
 * a {@link SpatialImportException}.
 */
public final class SpatialFileReader {

  private final ImportLimits limits;
  private final GeometryFactory factory;

  /**
   * Geometries on packed coordinate arrays: a million-parcel layer is held whole while it is
   * validated and stored, and {@code Coordinate} objects would take several times the memory.
   */
  public SpatialFileReader(ImportLimits limits) {
    this(limits, new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY));
  }

  public SpatialFileReader(ImportLimits limits, GeometryFactory factory) {
    this.limits = limits;
    this.factory = factory;
  }

  /** Reads at most {@link ImportLimits#maxInputBytes()} from the stream; does not close it. */
  public List<Feature> read(InputStream upload) {
    return read(readBounded(upload));
  }

  public List<Feature> read(byte[] content) {
    if (content.length > limits.maxInputBytes()) {
      throw tooLarge();
    }
    if (ZipEntries.looksLikeZip(content)) {
      return new ShapefileReader(limits, factory).read(content);
    }
    if (startsLikeJson(content)) {
      return new GeoJsonReader(factory).read(content);
    }
    throw new SpatialImportException(UNKNOWN_FORMAT, null);
  }

  private byte[] readBounded(InputStream upload) {
    try {
      byte[] content =
          upload.readNBytes((int) Math.min(limits.maxInputBytes() + 1, Integer.MAX_VALUE - 8));
      if (content.length > limits.maxInputBytes()) {
        throw tooLarge();
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SpatialImportException tooLarge() {
    return new SpatialImportException(INPUT_TOO_LARGE, "> " + limits.maxInputBytes() + " bytes");
  }

  /** A JSON object, after an optional UTF-8 byte order mark and white space. */
  private static boolean startsLikeJson(byte[] content) {
    int i =
        content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length && content[i] == '{';
  }
}
