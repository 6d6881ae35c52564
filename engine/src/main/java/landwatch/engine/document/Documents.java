package landwatch.engine.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import landwatch.engine.EngineProperties;
import landwatch.engine.processing.EngineClock;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.state.EngineJson;

/**
 * The document store behind {@code /v2/documents}, in PostgreSQL. Documents are not engine state
 * (as in Zeebe, whose document store is beside the engine): they do not go through the writer, and
 * each upload is stored in its own transaction, committed before it is answered. Expiry runs on the
 * engine's clock.
 */
public final class Documents {

  /** The one store: a request naming another is refused. */
  public static final String STORE_ID = "postgresql";

  static final String MAX_SIZE = "landwatch.engine.documents.max-size";

  /** Zeebe's default for a link without a time to live. */
  private static final long DEFAULT_LINK_TTL = 3_600_000;

  private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,255}");

  /** The bytes of an upload, read only once its declared size is known to be within the limit. */
  @FunctionalInterface
  public interface Source {
    byte[] read() throws IOException;
  }

  /**
   * An upload as the request gave it.
   *
   * @param partContentType the multipart part's own content type (the client sends {@code
   *     application/octet-stream}); the metadata's content type wins
   * @param partFileName the part's file name; the metadata's file name wins
   */
  public record Upload(
      String documentId,
      String storeId,
      Metadata metadata,
      String partContentType,
      String partFileName,
      long size,
      Source content) {}

  /** A stored document's reference. */
  public record Reference(
      String documentId, String storeId, String contentHash, Metadata metadata) {}

  /** A document's content, to be served with its content type and file name. */
  public record Content(Reference reference, byte[] bytes) {}

  /** A link: its token goes into the URL the API answers with. */
  public record Link(String token, Instant expiresAt) {}

  private final DocumentStore store;
  private final EngineClock clock;
  private final long maxSize;
  private final EngineProperties.Documents limits;
  private final ContentTypes contentTypes;
  private final SecureRandom random = new SecureRandom();

  public Documents(DataSource dataSource, EngineClock clock, EngineProperties.Documents limits) {
    this.store = new DocumentStore(dataSource);
    this.clock = clock;
    this.limits = limits;
    this.maxSize = limits.maxSize().toBytes();
    this.contentTypes = new ContentTypes(limits.allowedContentTypes());
  }

  /** Stores the upload, or refuses it having stored nothing. */
  public Reference create(Upload upload) {
    checkStore(upload.storeId());
    Metadata declared = upload.metadata() == null ? emptyMetadata() : upload.metadata();
    String fileName = declared.fileName() != null ? declared.fileName() : upload.partFileName();
    String documentId =
        upload.documentId() != null ? upload.documentId() : UUID.randomUUID().toString();
    if (!DOCUMENT_ID.matcher(documentId).matches()) {
      throw Rejection.invalidArgument(
          "Expected a document id of 1 to 255 letters, digits and '.', '_', '~', '-', but it was '%s'",
          abbreviated(documentId));
    }
    if (upload.size() > maxSize) {
      throw tooLarge(fileName, upload.size());
    }
    Instant expiresAt = expiry(declared.expiresAt());
    byte[] content = read(upload.content());
    if (content.length > maxSize) {
      throw tooLarge(fileName, content.length);
    }
    String contentType =
        contentTypes.check(
            declared.contentType() != null ? declared.contentType() : upload.partContentType(),
            content,
            fileName == null ? documentId : fileName);
    Metadata metadata =
        new Metadata(
            contentType,
            fileName,
            expiresAt == null ? null : expiresAt.toString(),
            (long) content.length,
            declared.processDefinitionId(),
            declared.processInstanceKey(),
            declared.customProperties());
    Reference reference = new Reference(documentId, STORE_ID, sha256(content), metadata);
    boolean stored =
        store.insert(
            new DocumentStore.Stored(documentId, STORE_ID, reference.contentHash(), json(metadata)),
            content,
            clock.millis(),
            expiresAt == null ? null : expiresAt.toEpochMilli());
    if (!stored) {
      throw new Rejection(
          RejectionType.ALREADY_EXISTS,
          String.format(
              "Expected to create a document with id '%s', but one already exists", documentId));
    }
    return reference;
  }

  /**
   * The content; a hash that is not the document's is refused as an unknown document would be: the
   * reference names no stored document.
   */
  public Content content(String documentId, String storeId, String contentHash) {
    checkStore(storeId);
    DocumentStore.Content found =
        store.content(documentId, clock.millis()).orElseThrow(() -> notFound(documentId));
    checkHash(found.document(), contentHash);
    return new Content(reference(found.document()), found.bytes());
  }

  public void delete(String documentId, String storeId) {
    checkStore(storeId);
    if (!store.delete(documentId)) {
      throw notFound(documentId);
    }
  }

  /** A link valid for {@code timeToLive} milliseconds (one hour when null). */
  public Link link(String documentId, String storeId, String contentHash, Long timeToLive) {
    checkStore(storeId);
    long ttl = timeToLive == null ? DEFAULT_LINK_TTL : timeToLive;
    if (ttl <= 0) {
      throw Rejection.invalidArgument(
          "Expected 'timeToLive' to be a positive number of milliseconds, but it was %d", ttl);
    }
    DocumentStore.Stored found =
        store.find(documentId, clock.millis()).orElseThrow(() -> notFound(documentId));
    checkHash(found, contentHash);
    byte[] token = new byte[32];
    random.nextBytes(token);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    long expires = Math.addExact(clock.millis(), ttl);
    if (!store.insertLink(
        sha256(encoded.getBytes(StandardCharsets.US_ASCII)), documentId, expires)) {
      throw notFound(documentId);
    }
    return new Link(encoded, Instant.ofEpochMilli(expires));
  }

  /** What a link leads to while it and its document are unexpired. */
  public Content contentByLink(String token) {
    DocumentStore.Content found =
        store
            .contentByLink(sha256(token.getBytes(StandardCharsets.US_ASCII)), clock.millis())
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        "Expected a document link that exists and has not expired, but this one does not"));
    return new Content(reference(found.document()), found.bytes());
  }

  /**
   * Deletes the documents and links expired on the engine's clock, {@code chunkSize} rows a
   * statement; returns how many documents went.
   */
  public int deleteExpired(int chunkSize) {
    long now = clock.millis();
    int deleted = 0;
    int chunk;
    do {
      chunk = store.deleteExpiredDocuments(now, chunkSize);
      deleted += chunk;
    } while (chunk == chunkSize);
    do {
      chunk = store.deleteExpiredLinks(now, chunkSize);
    } while (chunk == chunkSize);
    return deleted;
  }

  /** The client sends an unset store id or hash as an empty query parameter. */
  private static boolean isGiven(String parameter) {
    return parameter != null && !parameter.isEmpty();
  }

  private void checkStore(String storeId) {
    if (isGiven(storeId) && !storeId.equals(STORE_ID)) {
      throw Rejection.invalidArgument(
          "Expected the document store '%s' (the engine's only one), but the request named '%s'",
          STORE_ID, abbreviated(storeId));
    }
  }

  private static void checkHash(DocumentStore.Stored document, String contentHash) {
    if (isGiven(contentHash) && !contentHash.equalsIgnoreCase(document.contentHash())) {
      throw Rejection.notFound(
          "Expected a document with id '%s' and content hash '%s', but the document's content hash differs",
          document.documentId(), abbreviated(contentHash));
    }
  }

  private Rejection tooLarge(String fileName, long size) {
    return new Rejection(
        RejectionType.PAYLOAD_TOO_LARGE,
        String.format(
            "Expected a document of at most %d bytes (%s=%s), but '%s' has %d bytes",
            maxSize, MAX_SIZE, limits.maxSize(), fileName, size));
  }

  private static Instant expiry(String expiresAt) {
    if (expiresAt == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(expiresAt).toInstant();
    } catch (DateTimeParseException e) {
      throw Rejection.invalidArgument(
          "Expected 'metadata.expiresAt' to be an ISO 8601 date-time with an offset, but it was '%s'",
          abbreviated(expiresAt));
    }
  }

  private static byte[] read(Source source) {
    try {
      return source.read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded document", e);
    }
  }

  private static Rejection notFound(String documentId) {
    return Rejection.notFound(
        "Expected a document with id '%s', but none exists", abbreviated(documentId));
  }

  private static Reference reference(DocumentStore.Stored stored) {
    try {
      return new Reference(
          stored.documentId(),
          stored.storeId(),
          stored.contentHash(),
          EngineJson.VALUES.readValue(stored.metadata(), Metadata.class));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Metadata metadata) {
    try {
      return EngineJson.VALUES.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Metadata emptyMetadata() {
    return new Metadata(null, null, null, null, null, null, null);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static String abbreviated(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
