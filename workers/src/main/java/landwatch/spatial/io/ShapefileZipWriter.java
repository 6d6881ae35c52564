package landwatch.spatial.io;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes features (CGCS2000 lon/lat) as a zipped polygon Shapefile in a chosen CRS and attribute
 * encoding, the way the Ministry's and the surveys' tools do.
 */
public final class ShapefileZipWriter {

  private final Cgcs2000Crs crs;
  private final Charset charset;
  private final boolean writeCpg;

  /**
   * @param crs the CRS of the written coordinates (and of the .prj)
   * @param charset the .dbf encoding
   * @param writeCpg whether to name the encoding in a .cpg; readers take GBK without one
   */
  public ShapefileZipWriter(Cgcs2000Crs crs, Charset charset, boolean writeCpg) {
    this.crs = crs;
    this.charset = charset;
    this.writeCpg = writeCpg;
  }

  public byte[] write(String layerName, List<AttributeField> fields, Iterator<Feature> features) {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    write(layerName, fields, features, zip);
    return zip.toByteArray();
  }

  /** Writes the zip to {@code out}; the three main components are assembled in memory. */
  public void write(
      String layerName, List<AttributeField> fields, Iterator<Feature> features, OutputStream out) {
    ShpWriter shp = new ShpWriter();
    ByteArrayOutputStream dbf = new ByteArrayOutputStream();
    // javadbf writes field by field; unbuffered, that is a third of the writing time.
    DBFWriter table = new DBFWriter(new BufferedOutputStream(dbf, 1 << 16), charset);
    table.setFields(fields.stream().map(ShapefileZipWriter::dbfField).toArray(DBFField[]::new));
    while (features.hasNext()) {
      Feature feature = features.next();
      Geometry geometry = feature.geometry();
      shp.add(geometry == null ? null : crs.fromLonLat(geometry));
      Object[] row = new Object[fields.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = dbfValue(feature.attributes().get(fields.get(i).name()));
      }
      table.addRecord(row);
    }
    table.close();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, layerName + ".shp", shp.shp());
      entry(zip, layerName + ".shx", shp.shx());
      entry(zip, layerName + ".dbf", dbf.toByteArray());
      entry(zip, layerName + ".prj", crs.esriWkt().getBytes(StandardCharsets.UTF_8));
      if (writeCpg) {
        entry(zip, layerName + ".cpg", charset.name().getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static DBFField dbfField(AttributeField field) {
    return switch (field.type()) {
      case TEXT -> new DBFField(field.name(), DBFDataType.CHARACTER, field.length());
      case NUMBER ->
          new DBFField(field.name(), DBFDataType.NUMERIC, field.length(), field.decimals());
      case DATE -> new DBFField(field.name(), DBFDataType.DATE);
      case LOGICAL -> new DBFField(field.name(), DBFDataType.LOGICAL);
    };
  }

  private static Object dbfValue(Object value) {
    if (value instanceof LocalDate date) {
      // javadbf formats dates in the JVM's zone; DbfAttributes reads them back the same way.
      return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
    if (value instanceof Number number && !(value instanceof BigDecimal)) {
      return new BigDecimal(number.toString());
    }
    return value;
  }
}
