package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.CORRUPT_ATTRIBUTES;
import static landwatch.spatial.io.SpatialImportException.Refusal.MISSING_COMPONENT;
import static landwatch.spatial.io.SpatialImportException.Refusal.MULTIPLE_LAYERS;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Reads a zipped ESRI Shapefile: one layer of .shp, .shx, .dbf and .prj, optionally .cpg. */
public final class ShapefileReader {

  private final ImportLimits limits;
  private final GeometryFactory factory;

  public ShapefileReader(ImportLimits limits, GeometryFactory factory) {
    this.limits = limits;
    this.factory = factory;
  }

  /** Features in CGCS2000 lon/lat, in record order. */
  public List<Feature> read(byte[] zip) {
    Map<String, byte[]> files = ZipEntries.unpack(zip, limits);
    String base = layerBaseName(files);
    byte[] shp = component(files, base, "shp");
    byte[] shx = component(files, base, "shx");
    byte[] dbf = component(files, base, "dbf");
    byte[] prj = component(files, base, "prj");
    byte[] cpg = optionalComponent(files, base, "cpg");

    Cgcs2000Crs crs = Cgcs2000Crs.fromPrj(new String(prj, StandardCharsets.UTF_8));
    List<Geometry> geometries = new ShpGeometries(factory, limits).read(shp, shx);
    Charset charset = CodePage.of(cpg);
    List<Map<String, Object>> attributes = DbfAttributes.read(dbf, charset);
    if (attributes.size() != geometries.size()) {
      throw new SpatialImportException(
          CORRUPT_ATTRIBUTES,
          ".dbf has " + attributes.size() + " records, .shp has " + geometries.size());
    }
    List<Feature> features = new ArrayList<>(geometries.size());
    for (int i = 0; i < geometries.size(); i++) {
      Geometry geometry = geometries.get(i);
      features.add(
          new Feature(i, geometry == null ? null : crs.toLonLat(geometry), attributes.get(i)));
    }
    return features;
  }

  /** The path of the one .shp in the archive, without its extension. */
  private static String layerBaseName(Map<String, byte[]> files) {
    List<String> layers =
        files.keySet().stream().filter(name -> extension(name).equals("shp")).toList();
    if (layers.isEmpty()) {
      throw new SpatialImportException(MISSING_COMPONENT, ".shp");
    }
    if (layers.size() > 1) {
      throw new SpatialImportException(MULTIPLE_LAYERS, String.join(", ", layers));
    }
    String shp = layers.get(0);
    return shp.substring(0, shp.length() - ".shp".length());
  }

  private static byte[] component(Map<String, byte[]> files, String base, String extension) {
    byte[] content = optionalComponent(files, base, extension);
    if (content == null) {
      throw new SpatialImportException(MISSING_COMPONENT, base + "." + extension);
    }
    return content;
  }

  private static byte[] optionalComponent(
      Map<String, byte[]> files, String base, String extension) {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = file.getKey();
      if (name.length() == base.length() + 1 + extension.length()
          && name.regionMatches(true, 0, base, 0, base.length())
          && extension(name).equals(extension)) {
        return file.getValue();
      }
    }
    return null;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
