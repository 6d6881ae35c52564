package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DocumentLinkResponse;
import io.camunda.client.api.response.DocumentReferenceBatchResponse;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * {@code /v2/documents} through camunda-client-java: uploads with their metadata, content by
 * reference (and its hash), deletion, links, the size and content-type checks, batches answered per
 * file, expiry, and a reference kept in a process variable as form-js's file picker keeps it.
 */
class DocumentTest extends EngineTest {

  /** The first bytes of a PNG, then some more: what the content check recognises. */
  private static final byte[] PNG =
      concat(HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452"), bytes(200));

  private static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** A Windows executable's header. */
  private static final byte[] EXE = concat("MZ".getBytes(StandardCharsets.US_ASCII), bytes(300));

  @Test
  void aDocumentRoundTripsWithItsMetadata() throws Exception {
    Instant before = Instant.now();
    DocumentReferenceResponse reference =
        client
            .newCreateDocumentCommand()
            .content(PNG)
            .contentType("image/png")
            .fileName("parcel-4711.png")
            .timeToLive(Duration.ofDays(30))
            .processDefinitionId("inspection")
            .processInstanceKey(2251799813685249L)
            .customMetadata("parcel", "4711")
            .customMetadata("photographer", "officer-7")
            .send()
            .join();

    assertThat(reference.getDocumentType()).isEqualTo("camunda");
    assertThat(reference.getStoreId()).isEqualTo("postgresql");
    assertThat(reference.getDocumentId()).isNotBlank();
    assertThat(reference.getContentHash()).isEqualTo(sha256(PNG));
    assertThat(reference.getMetadata().getContentType()).isEqualTo("image/png");
    assertThat(reference.getMetadata().getFileName()).isEqualTo("parcel-4711.png");
    assertThat(reference.getMetadata().getSize()).isEqualTo(PNG.length);
    assertThat(reference.getMetadata().getProcessDefinitionId()).isEqualTo("inspection");
    assertThat(reference.getMetadata().getProcessInstanceKey()).isEqualTo(2251799813685249L);
    assertThat(reference.getMetadata().getCustomProperties())
        .containsEntry("parcel", "4711")
        .containsEntry("photographer", "officer-7");
    assertThat(reference.getMetadata().getExpiresAt().toInstant())
        .isAfter(before.plus(Duration.ofDays(29)))
        .isBefore(before.plus(Duration.ofDays(31)));

    assertThat(content(reference)).isEqualTo(PNG);
    try (InputStream byId =
        client
            .newDocumentContentGetRequest(reference.getDocumentId())
            .storeId("postgresql")
            .send()
            .join()) {
      assertThat(byId.readAllBytes()).isEqualTo(PNG);
    }
  }

  @Test
  void aDocumentIdOfTheCallersIsKeptAndNotTakenTwice() {
    String id = "evidence-" + UUID.randomUUID();
    DocumentReferenceResponse first = create(id, PDF, "application/pdf");
    assertThat(first.getDocumentId()).isEqualTo(id);

    ProblemException taken = problem(() -> create(id, PNG, "image/png"));

    assertThat(taken.code()).isEqualTo(409);
    assertThat(taken.details().getTitle()).isEqualTo("ALREADY_EXISTS");
    assertThat(content(first)).isEqualTo(PDF);
  }

  @Test
  void aWrongContentHashIsRefused() {
    DocumentReferenceResponse reference = create(null, PDF, "application/pdf");

    ProblemException refused =
        problem(
            () ->
                client
                    .newDocumentContentGetRequest(reference.getDocumentId())
                    .contentHash(sha256("something else".getBytes(StandardCharsets.UTF_8)))
                    .send()
                    .join());

    assertThat(refused.code()).isEqualTo(404);
    assertThat(refused.details().getDetail()).contains("content hash");
    assertThat(content(reference)).isEqualTo(PDF);
  }

  @Test
  void aDeletedDocumentIsGone() {
    DocumentReferenceResponse reference = create(null, PDF, "application/pdf");

    client.newDeleteDocumentCommand(reference).send().join();

    assertThat(problem(() -> content(reference)).code()).isEqualTo(404);
    assertThat(problem(() -> client.newDeleteDocumentCommand(reference).send().join()).code())
        .isEqualTo(404);
    assertThat(problem(() -> client.newCreateDocumentLinkCommand(reference).send().join()).code())
        .isEqualTo(404);
  }

  @Test
  void aLinkServesTheContentWithoutCredentialsUntilItExpires() throws Exception {
    DocumentReferenceResponse reference = create(null, PNG, "image/png");
    long now = System.currentTimeMillis();
    pinClock(now);

    DocumentLinkResponse link =
        client
            .newCreateDocumentLinkCommand(reference)
            .timeToLive(Duration.ofMinutes(5))
            .send()
            .join();

    assertThat(link.getUrl()).startsWith("http://").contains(":" + port + "/");
    assertThat(link.getExpiresAt().toInstant().toEpochMilli()).isEqualTo(now + 300_000);
    HttpResponse<byte[]> served = get(link.getUrl());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(PNG);

    pinClock(now + 300_001);
    assertThat(get(link.getUrl()).statusCode()).isEqualTo(404);
    assertThat(get(link.getUrl().replaceAll("[^/]+$", "not-a-token")).statusCode()).isEqualTo(404);
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedAndNotStored() {
    String id = "too-large-" + UUID.randomUUID();
    byte[] large = concat(PDF, bytes(10 * 1024 * 1024));

    ProblemException refused = problem(() -> create(id, large, "application/pdf"));

    assertThat(refused.code()).isEqualTo(413);
    assertThat(refused.details().getTitle()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(refused.details().getDetail()).contains("landwatch.engine.documents.max-size");
    assertThat(problem(() -> content(id)).code()).isEqualTo(404);
  }

  @Test
  void contentTypesAreCheckedAsDeclaredAndAsTheBytesShow() {
    String exe = "exe-" + UUID.randomUUID();
    ProblemException executable = problem(() -> create(exe, EXE, "image/jpeg"));
    assertThat(executable.code()).isEqualTo(415);
    assertThat(executable.details().getTitle()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(executable.details().getDetail()).contains("executable");
    assertThat(problem(() -> content(exe)).code()).isEqualTo(404);

    String text = "text-" + UUID.randomUUID();
    ProblemException notAnImage =
        problem(() -> create(text, "just text".getBytes(StandardCharsets.UTF_8), "image/png"));
    assertThat(notAnImage.code()).isEqualTo(415);
    assertThat(notAnImage.details().getDetail()).contains("image/png", "text/plain");

    String svg = "svg-" + UUID.randomUUID();
    byte[] script =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(problem(() -> create(svg, script, "image/svg+xml")).code()).isEqualTo(415);

    String zip = "zip-" + UUID.randomUUID();
    byte[] archive = concat(HexFormat.of().parseHex("504B0304"), bytes(100));
    ProblemException notAllowed = problem(() -> create(zip, archive, "application/zip"));
    assertThat(notAllowed.code()).isEqualTo(415);
    assertThat(notAllowed.details().getDetail())
        .contains("landwatch.engine.documents.allowed-content-types");
    assertThat(problem(() -> content(zip)).code()).isEqualTo(404);

    DocumentReferenceResponse undeclared =
        client.newCreateDocumentCommand().content(PDF).fileName("scan.pdf").send().join();
    assertThat(undeclared.getMetadata().getContentType()).isEqualTo("application/pdf");
  }

  @Test
  void aBatchIsAnsweredPerFile() {
    DocumentReferenceBatchResponse allStored =
        client
            .newCreateDocumentBatchCommand()
            .addDocument()
            .content(PNG)
            .contentType("image/png")
            .fileName("front.png")
            .done()
            .addDocument()
            .content(PDF)
            .contentType("application/pdf")
            .fileName("application.pdf")
            .customMetadata("kind", "application")
            .done()
            .send()
            .join();

    assertThat(allStored.isSuccessful()).isTrue();
    assertThat(allStored.getCreatedDocuments())
        .extracting(d -> d.getMetadata().getFileName())
        .containsExactly("front.png", "application.pdf");
    assertThat(allStored.getCreatedDocuments().get(1).getMetadata().getCustomProperties())
        .containsEntry("kind", "application");
    assertThat(content(allStored.getCreatedDocuments().get(1))).isEqualTo(PDF);

    DocumentReferenceBatchResponse partly =
        client
            .newCreateDocumentBatchCommand()
            .addDocument()
            .content(PNG)
            .contentType("image/png")
            .fileName("back.png")
            .done()
            .addDocument()
            .content(EXE)
            .contentType("image/jpeg")
            .fileName("holiday.jpg")
            .done()
            .send()
            .join();

    assertThat(partly.isSuccessful()).isFalse();
    assertThat(partly.getCreatedDocuments())
        .singleElement()
        .satisfies(d -> assertThat(content(d)).isEqualTo(PNG));
    assertThat(partly.getFailedDocuments())
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.getFileName()).isEqualTo("holiday.jpg");
              assertThat(failed.getDetail()).contains("executable");
            });
  }

  @Test
  void expiredDocumentsAreCleanedUp() throws SQLException {
    long now = System.currentTimeMillis();
    pinClock(now);
    DocumentReferenceResponse expiring =
        client
            .newCreateDocumentCommand()
            .content(PDF)
            .contentType("application/pdf")
            .timeToLive(Duration.ofMinutes(1))
            .send()
            .join();
    DocumentReferenceResponse lasting = create(null, PDF, "application/pdf");
    assertThat(content(expiring)).isEqualTo(PDF);

    pinClock(now + Duration.ofMinutes(2).toMillis());
    assertThat(problem(() -> content(expiring)).code()).isEqualTo(404);

    // the periodic clean-up may have been first: either way the row is gone afterwards
    engine.documents.deleteExpired(1000);

    assertThat(stored(expiring.getDocumentId())).isFalse();
    assertThat(content(lasting)).isEqualTo(PDF);
  }

  /**
   * form-js's file picker keeps the references of the picked files as a list in a variable; the
   * document preview fetches each by its reference. The document is simply stored: it outlives the
   * upload request, and the variable's reference still leads to it.
   */
  @Test
  void aReferenceInAProcessVariableLeadsToTheDocument() throws Exception {
    DocumentReferenceResponse uploaded = create(null, PNG, "image/png");
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("camunda.document.type", "camunda");
    reference.put("storeId", uploaded.getStoreId());
    reference.put("documentId", uploaded.getDocumentId());
    reference.put("contentHash", uploaded.getContentHash());
    reference.put(
        "metadata",
        Map.of(
            "contentType",
            uploaded.getMetadata().getContentType(),
            "fileName",
            "photo.png",
            "size",
            uploaded.getMetadata().getSize().intValue()));
    String id = uniqueId("evidence");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("review", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    start(id, Map.of("photos", List.of(reference)));

    @SuppressWarnings("unchecked")
    Map<String, Object> kept =
        ((List<Map<String, Object>>) variablesSeenBy(id).get("photos")).get(0);

    assertThat(kept).isEqualTo(reference);
    try (InputStream content =
        client
            .newDocumentContentGetRequest((String) kept.get("documentId"))
            .storeId((String) kept.get("storeId"))
            .contentHash((String) kept.get("contentHash"))
            .send()
            .join()) {
      assertThat(content.readAllBytes()).isEqualTo(PNG);
    }
  }

  @Test
  void badRequestsAreRefusedWithProblemsAndStoreNothing() {
    String id = "bad-" + UUID.randomUUID();
    RawApi api =
        new RawApi(
            port,
            environment.getProperty("landwatch.engine.api.username"),
            environment.getProperty("landwatch.engine.api.password"));
    String boundary = "b0undary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nsome text\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
            + "Content-Type: application/json\r\n\r\n{not json\r\n--"
            + boundary
            + "--\r\n";

    HttpResponse<String> badMetadata =
        api.send(
            "POST",
            "/v2/documents?documentId=" + id,
            "multipart/form-data; boundary=" + boundary,
            body,
            null);

    assertThat(badMetadata.statusCode()).isEqualTo(400);
    assertThat(RawApi.assertCleanProblem(badMetadata).path("detail").asText()).contains("metadata");
    assertThat(problem(() -> content(id)).code()).isEqualTo(404);

    HttpResponse<String> notMultipart =
        api.send("POST", "/v2/documents", "application/json", "{}", null);
    assertThat(notMultipart.statusCode()).isEqualTo(415);
    RawApi.assertCleanProblem(notMultipart);

    ProblemException otherStore =
        problem(
            () ->
                client
                    .newCreateDocumentCommand()
                    .content(PDF)
                    .contentType("application/pdf")
                    .storeId("aws")
                    .send()
                    .join());
    assertThat(otherStore.code()).isEqualTo(400);
    assertThat(otherStore.details().getDetail()).contains("postgresql", "aws");
  }

  private DocumentReferenceResponse create(String documentId, byte[] content, String type) {
    var command = client.newCreateDocumentCommand().content(content).contentType(type);
    if (documentId != null) {
      command = command.documentId(documentId);
    }
    return command.send().join();
  }

  private byte[] content(DocumentReferenceResponse reference) {
    try (InputStream content = client.newDocumentContentGetRequest(reference).send().join()) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] content(String documentId) {
    try (InputStream content = client.newDocumentContentGetRequest(documentId).send().join()) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean stored(String documentId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM engine.document WHERE document_id = ?")) {
      ps.setString(1, documentId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static ProblemException problem(Runnable call) {
    Throwable thrown = catchThrowableOfType(Throwable.class, call::run);
    Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
    assertThat(cause).isInstanceOf(ProblemException.class);
    return (ProblemException) cause;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0x2A);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
