package landwatch.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DocumentCreationBatchResponse;
import io.camunda.client.protocol.rest.DocumentCreationFailureDetail;
import io.camunda.client.protocol.rest.DocumentLink;
import io.camunda.client.protocol.rest.DocumentLinkRequest;
import io.camunda.client.protocol.rest.DocumentMetadata;
import io.camunda.client.protocol.rest.DocumentReference;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import landwatch.engine.document.Documents;
import landwatch.engine.document.Metadata;
import landwatch.engine.processing.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /v2/documents}: uploads (one, or a batch answered per file), content, deletion and links.
 * Answers are the API's {@code DocumentReference}, the shape form-js's file picker keeps in a
 * variable and its document preview reads.
 */
@RestController
public class DocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentController.class);

  /**
   * Where a link leads: outside {@code /v2}, so that it works without the API's credentials (the
   * link's random token is its credential, as a signed URL's signature is).
   */
  static final String LINK_PATH = "/engine/document-links/";

  /** The batch's per-file metadata travels in this part header (camunda-client-java's). */
  private static final String METADATA_HEADER = "X-Document-Metadata";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Documents documents;

  public DocumentController(Documents documents) {
    this.documents = documents;
  }

  @PostMapping(
      path = "/v2/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<DocumentReference> create(
      @RequestPart("file") Part file,
      @RequestPart(value = "metadata", required = false) String metadata,
      @RequestParam(required = false) String storeId,
      @RequestParam(required = false) String documentId) {
    Documents.Reference created =
        documents.create(
            new Documents.Upload(
                documentId,
                storeId,
                metadata(metadata),
                file.getContentType(),
                file.getSubmittedFileName(),
                file.getSize(),
                () -> file.getInputStream().readAllBytes()));
    return ResponseEntity.status(HttpStatus.CREATED).body(toReference(created));
  }

  /**
   * Each {@code files} part is stored or refused on its own: 201 when all were stored, 207 (as the
   * API defines) with the refused ones in {@code failedDocuments} otherwise.
   */
  @PostMapping(
      path = "/v2/documents/batch",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<DocumentCreationBatchResponse> createBatch(
      HttpServletRequest request, @RequestParam(required = false) String storeId)
      throws IOException, ServletException {
    List<Part> files = new ArrayList<>();
    for (Part part : request.getParts()) {
      if (part.getName().equals("files")) {
        files.add(part);
      }
    }
    if (files.isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected a multipart request with at least one 'files' part, but none was given");
    }
    DocumentCreationBatchResponse response =
        new DocumentCreationBatchResponse()
            .createdDocuments(new ArrayList<>())
            .failedDocuments(new ArrayList<>());
    for (Part file : files) {
      try {
        response.addCreatedDocumentsItem(
            toReference(
                documents.create(
                    new Documents.Upload(
                        null,
                        storeId,
                        metadata(file.getHeader(METADATA_HEADER)),
                        file.getContentType(),
                        file.getSubmittedFileName(),
                        file.getSize(),
                        () -> file.getInputStream().readAllBytes()))));
      } catch (Rejection refused) {
        response.addFailedDocumentsItem(
            new DocumentCreationFailureDetail()
                .fileName(file.getSubmittedFileName())
                .detail(refused.getMessage()));
      } catch (RuntimeException failed) {
        // each file is stored in its own transaction: the ones before stay stored, so the answer
        // must still say which they are rather than turn into a 500
        LOG.warn("Storing the document '{}' failed", file.getSubmittedFileName(), failed);
        response.addFailedDocumentsItem(
            new DocumentCreationFailureDetail()
                .fileName(file.getSubmittedFileName())
                .detail(
                    "Expected to store the document, but storing it failed; it was not stored"));
      }
    }
    HttpStatus status =
        response.getFailedDocuments().isEmpty() ? HttpStatus.CREATED : HttpStatus.MULTI_STATUS;
    return ResponseEntity.status(status).body(response);
  }

  @GetMapping("/v2/documents/{documentId}")
  public ResponseEntity<byte[]> content(
      @PathVariable String documentId,
      @RequestParam(required = false) String storeId,
      @RequestParam(required = false) String contentHash) {
    return serve(documents.content(documentId, storeId, contentHash));
  }

  @DeleteMapping("/v2/documents/{documentId}")
  public ResponseEntity<Void> delete(
      @PathVariable String documentId, @RequestParam(required = false) String storeId) {
    documents.delete(documentId, storeId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(
      path = "/v2/documents/{documentId}/links",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<DocumentLink> link(
      @PathVariable String documentId,
      @RequestParam(required = false) String storeId,
      @RequestParam(required = false) String contentHash,
      @RequestBody(required = false) DocumentLinkRequest request) {
    Documents.Link link =
        documents.link(
            documentId, storeId, contentHash, request == null ? null : request.getTimeToLive());
    String url =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(LINK_PATH + "{token}")
            .buildAndExpand(link.token())
            .toUriString();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new DocumentLink().url(url).expiresAt(link.expiresAt().toString()));
  }

  @GetMapping(LINK_PATH + "{token}")
  public ResponseEntity<byte[]> byLink(@PathVariable String token) {
    return serve(documents.contentByLink(token));
  }

  /** Served as what it is, never re-interpreted by a browser (nosniff), under its file name. */
  private static ResponseEntity<byte[]> serve(Documents.Content content) {
    Metadata metadata = content.reference().metadata();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(metadata.contentType()));
    headers.set("X-Content-Type-Options", "nosniff");
    if (metadata.fileName() != null) {
      headers.setContentDisposition(
          ContentDisposition.inline()
              .filename(metadata.fileName(), StandardCharsets.UTF_8)
              .build());
    }
    return ResponseEntity.ok().headers(headers).body(content.bytes());
  }

  private static Metadata metadata(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    DocumentMetadata metadata;
    try {
      metadata = JSON.readValue(json, DocumentMetadata.class);
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument(
          "Expected the document's metadata to be a JSON object of the API's DocumentMetadata, but it could not be read");
    }
    return new Metadata(
        metadata.getContentType(),
        metadata.getFileName(),
        metadata.getExpiresAt(),
        metadata.getSize(),
        metadata.getProcessDefinitionId(),
        metadata.getProcessInstanceKey(),
        metadata.getCustomProperties());
  }

  private static DocumentReference toReference(Documents.Reference reference) {
    Metadata metadata = reference.metadata();
    return new DocumentReference()
        .camundaDocumentType(DocumentReference.CamundaDocumentTypeEnum.CAMUNDA)
        .storeId(reference.storeId())
        .documentId(reference.documentId())
        .contentHash(reference.contentHash())
        .metadata(
            new DocumentMetadata()
                .contentType(metadata.contentType())
                .fileName(metadata.fileName())
                .expiresAt(metadata.expiresAt())
                .size(metadata.size())
                .processDefinitionId(metadata.processDefinitionId())
                .processInstanceKey(metadata.processInstanceKey())
                .customProperties(metadata.customProperties()));
  }
}
