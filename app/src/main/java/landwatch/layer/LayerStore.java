package landwatch.layer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import landwatch.spatial.Wkb;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reference layer versions and their polygons in PostgreSQL. */
@Repository
public class LayerStore {

  private static final int COPY_BUFFER = 1 << 20;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  public LayerStore(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /**
   * Serialises replacements of one class across transactions and application instances; held until
   * the surrounding transaction ends.
   */
  public void lockClass(LayerClass layerClass) {
    jdbc.queryForObject(
        "SELECT pg_advisory_xact_lock(hashtext('landwatch.layer.' || ?))::text",
        String.class,
        layerClass.name());
  }

  /**
   * Stores a version as current and drops the features of the one it supersedes. Must run inside a
   * transaction: other readers see the old version until it commits.
   */
  public LayerVersion replace(
      LayerClass layerClass,
      int surveyYear,
      String fileName,
      String importedBy,
      List<LayerFeature> features) {
    jdbc.update(
        "DELETE FROM layer_feature WHERE layer_version_id IN"
            + " (SELECT id FROM layer_version WHERE layer_class = ? AND current)",
        layerClass.name());
    jdbc.update(
        "UPDATE layer_version SET current = false WHERE layer_class = ? AND current",
        layerClass.name());
    long id =
        jdbc.queryForObject(
            "INSERT INTO layer_version (layer_class, survey_year, file_name, feature_count, imported_by, current)"
                + " VALUES (?, ?, ?, ?, ?, true) RETURNING id",
            Long.class,
            layerClass.name(),
            surveyYear,
            fileName,
            features.size(),
            importedBy);
    copyFeatures(id, features);
    return current(layerClass).orElseThrow();
  }

  public Optional<LayerVersion> current(LayerClass layerClass) {
    return jdbc
        .query(
            "SELECT * FROM layer_version WHERE layer_class = ? AND current",
            (rs, row) -> version(rs),
            layerClass.name())
        .stream()
        .findFirst();
  }

  /** Every version ever imported, the current ones first, then newest first. */
  public List<LayerVersion> versions() {
    return jdbc.query(
        "SELECT * FROM layer_version ORDER BY current DESC, layer_class, id DESC",
        (rs, row) -> version(rs));
  }

  private static LayerVersion version(ResultSet rs) throws SQLException {
    return new LayerVersion(
        rs.getLong("id"),
        LayerClass.valueOf(rs.getString("layer_class")),
        rs.getInt("survey_year"),
        rs.getString("file_name"),
        rs.getInt("feature_count"),
        rs.getObject("imported_at", OffsetDateTime.class),
        rs.getString("imported_by"),
        rs.getBoolean("current"));
  }

  /**
   * Streams a version's polygons without holding them all as rows. In a transaction because
   * PostgreSQL's driver only fetches in portions (a cursor) when autocommit is off.
   */
  @Transactional(readOnly = true)
  public void forEachGeometry(LayerVersion version, Consumer<Geometry> consumer) {
    jdbc.query(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "SELECT geometry FROM layer_feature WHERE layer_version_id = ? ORDER BY feature_index");
          statement.setLong(1, version.id());
          statement.setFetchSize(10_000);
          return statement;
        },
        rs -> {
          consumer.accept(Wkb.read(rs.getBytes(1)));
        });
  }

  /** COPY rather than INSERT: a cultivated-land layer is a million rows. */
  private void copyFeatures(long versionId, List<LayerFeature> features) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY layer_feature (layer_version_id, feature_index, geometry) FROM STDIN");
      StringBuilder buffer = new StringBuilder(COPY_BUFFER + 4096);
      HexFormat hex = HexFormat.of();
      for (LayerFeature feature : features) {
        buffer.append(versionId).append('\t').append(feature.index()).append("\t\\\\x");
        buffer.append(hex.formatHex(Wkb.write(feature.geometry()))).append('\n');
        if (buffer.length() >= COPY_BUFFER) {
          write(copy, buffer);
        }
      }
      write(copy, buffer);
      copy.endCopy();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store layer features", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.US_ASCII);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }
}
