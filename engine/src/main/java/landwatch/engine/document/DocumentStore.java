package landwatch.engine.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code engine.document} and {@code engine.document_link}: each call is one statement, so each
 * change is one transaction, committed before the caller answers.
 */
final class DocumentStore {

  /** A stored document without its content. */
  record Stored(String documentId, String storeId, String contentHash, String metadata) {}

  /** A stored document's content and what is needed to serve it. */
  record Content(Stored document, byte[] bytes) {}

  private final DataSource dataSource;

  DocumentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** False when a document with that id exists: nothing is stored then. */
  boolean insert(Stored document, byte[] content, long created, Long expires) {
    return update(
            "INSERT INTO engine.document VALUES (?, ?, ?, ?, ?::json, ?, ?) "
                + "ON CONFLICT (document_id) DO NOTHING",
            ps -> {
              ps.setString(1, document.documentId());
              ps.setString(2, document.storeId());
              ps.setBytes(3, content);
              ps.setString(4, document.contentHash());
              ps.setString(5, document.metadata());
              ps.setLong(6, created);
              if (expires == null) {
                ps.setNull(7, Types.BIGINT);
              } else {
                ps.setLong(7, expires);
              }
            })
        == 1;
  }

  /** The document unless it is unknown or expired at {@code now}. */
  Optional<Content> content(String documentId, long now) {
    return query(
        "SELECT document_id, store_id, content_hash, metadata, content FROM engine.document "
            + "WHERE document_id = ? AND (expires IS NULL OR expires > ?)",
        ps -> {
          ps.setString(1, documentId);
          ps.setLong(2, now);
        });
  }

  /** The document without its content, unless it is unknown or expired at {@code now}. */
  Optional<Stored> find(String documentId, long now) {
    return query(
            "SELECT document_id, store_id, content_hash, metadata, NULL FROM engine.document "
                + "WHERE document_id = ? AND (expires IS NULL OR expires > ?)",
            ps -> {
              ps.setString(1, documentId);
              ps.setLong(2, now);
            })
        .map(Content::document);
  }

  /** The document a link's token leads to, while both are unexpired. */
  Optional<Content> contentByLink(String tokenHash, long now) {
    return query(
        "SELECT d.document_id, d.store_id, d.content_hash, d.metadata, d.content "
            + "FROM engine.document_link l JOIN engine.document d USING (document_id) "
            + "WHERE l.token_hash = ? AND l.expires > ? AND (d.expires IS NULL OR d.expires > ?)",
        ps -> {
          ps.setString(1, tokenHash);
          ps.setLong(2, now);
          ps.setLong(3, now);
        });
  }

  boolean delete(String documentId) {
    return update(
            "DELETE FROM engine.document WHERE document_id = ?", ps -> ps.setString(1, documentId))
        == 1;
  }

  /**
   * False when the document is gone: it is locked while the link is inserted, so a deletion racing
   * the link either happens first (no link) or waits for it (and takes the link with it).
   */
  boolean insertLink(String tokenHash, String documentId, long expires) {
    return update(
            "INSERT INTO engine.document_link SELECT ?, document_id, ? FROM engine.document "
                + "WHERE document_id = ? FOR KEY SHARE",
            ps -> {
              ps.setString(1, tokenHash);
              ps.setLong(2, expires);
              ps.setString(3, documentId);
            })
        == 1;
  }

  /** Deletes at most {@code limit} expired documents (their links go with them); how many. */
  int deleteExpiredDocuments(long now, int limit) {
    return update(
        "DELETE FROM engine.document WHERE document_id IN (SELECT document_id FROM engine.document "
            + "WHERE expires <= ? LIMIT ?)",
        ps -> {
          ps.setLong(1, now);
          ps.setInt(2, limit);
        });
  }

  /** Deletes at most {@code limit} expired links; how many. */
  int deleteExpiredLinks(long now, int limit) {
    return update(
        "DELETE FROM engine.document_link WHERE token_hash IN (SELECT token_hash FROM "
            + "engine.document_link WHERE expires <= ? LIMIT ?)",
        ps -> {
          ps.setLong(1, now);
          ps.setInt(2, limit);
        });
  }

  private interface Parameters {
    void set(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Parameters parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.set(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write engine.document", e);
    }
  }

  private Optional<Content> query(String sql, Parameters parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.set(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Content(
                new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getBytes(5)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read engine.document", e);
    }
  }
}
