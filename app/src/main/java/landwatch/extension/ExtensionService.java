package landwatch.extension;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DocumentReferenceResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import landwatch.app.engine.DocumentReferences;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.spot.SpotDeadlineMoves;
import landwatch.spot.SpotDeadlineMoves.SpotDeadlines;
import landwatch.spot.SpotGroups;
import landwatch.user.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A county officer's extension application (§三(一)3): checked whole before anything is kept — every
 * spot the county's and still unreported, the date a real extension within the limit, the written
 * application a document — then kept with its spots in one transaction, and its approval started.
 */
@Service
class ExtensionService {

  private static final Logger LOG = LoggerFactory.getLogger(ExtensionService.class);
  static final int MAX_SPOTS = 500;
  static final int MAX_REASON = 2000;

  private final ExtensionStore store;
  private final SpotDeadlineMoves deadlines;
  private final SpotGroups groups;
  private final CamundaClient camunda;
  private final ExtensionInstances instances;
  private final ExtensionProperties properties;
  private final TransactionTemplate transaction;
  private final AuditTrail audit;

  ExtensionService(
      ExtensionStore store,
      SpotDeadlineMoves deadlines,
      SpotGroups groups,
      CamundaClient camunda,
      ExtensionInstances instances,
      ExtensionProperties properties,
      TransactionTemplate transaction,
      AuditTrail audit) {
    this.store = store;
    this.deadlines = deadlines;
    this.groups = groups;
    this.camunda = camunda;
    this.instances = instances;
    this.properties = properties;
    this.transaction = transaction;
    this.audit = audit;
  }

  /** What the officer sent. */
  record Application(
      List<String> spots,
      LocalDate requestedDueDate,
      String reason,
      String fileName,
      byte[] document) {}

  long apply(SignedInUser officer, Application application) {
    List<String> codes = codes(application.spots());
    String reason = application.reason() == null ? "" : application.reason().trim();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw ExtensionProblem.invalid(
          "请填写延期理由（不超过 " + MAX_REASON + " 字）",
          "a reason of at most " + MAX_REASON + " characters is required");
    }
    if (application.requestedDueDate() == null) {
      throw ExtensionProblem.invalid("请填写申请延至的日期", "requestedDueDate is required");
    }
    String mediaType = documentType(application);
    String fileName = fileName(application.fileName());
    String county = officer.unitCode();
    // Checked before the document is stored, so a refused application leaves nothing behind;
    // checked
    // again with the rows locked, since another application may have come in between.
    transaction.executeWithoutResult(
        status -> check(county, codes, application.requestedDueDate()));
    DocumentReferenceResponse stored =
        camunda
            .newCreateDocumentCommand()
            .content(application.document())
            .fileName(fileName)
            .contentType(mediaType)
            .send()
            .join();
    long id;
    try {
      id =
          transaction.execute(
              status -> {
                List<SpotDeadlines> spots = check(county, codes, application.requestedDueDate());
                ApprovalChain chain = properties.chainFor(county);
                long created =
                    store.insert(
                        new ExtensionStore.NewApplication(
                            county,
                            groups.cityOf(county),
                            reason,
                            application.requestedDueDate(),
                            chain,
                            DocumentReferences.of(stored, fileName, mediaType),
                            fileName,
                            mediaType,
                            application.document().length,
                            officer.username(),
                            spots));
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("spots", codes);
                after.put("requestedDueDate", application.requestedDueDate().toString());
                after.put("reason", reason);
                after.put("approvalChain", chain.names());
                after.put("document", fileName);
                audit.record(
                    AuditEntry.done("extension.apply", "extension", String.valueOf(created))
                        .after(after));
                return created;
              });
    } catch (RuntimeException e) {
      discard(stored);
      throw e;
    }
    instances.startPending();
    return id;
  }

  private List<SpotDeadlines> check(String county, List<String> codes, LocalDate requested) {
    List<SpotDeadlines> spots = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String code : codes) {
      Optional<SpotDeadlines> spot = deadlines.lock(code);
      if (spot.isPresent() && spot.get().regionCode().equals(county)) {
        spots.add(spot.get());
      } else {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw ExtensionProblem.unknownSpots(unknown);
    }
    List<String> reported =
        spots.stream()
            .filter(s -> !s.state().awaitsReport())
            .map(SpotDeadlines::monitoringCode)
            .toList();
    if (!reported.isEmpty()) {
      throw ExtensionProblem.conflict(
          "以下图斑已填报，无需延期：", "these spots are reported already: ", reported);
    }
    List<String> pending = store.pendingAmong(spots.stream().map(SpotDeadlines::spotId).toList());
    if (!pending.isEmpty()) {
      throw ExtensionProblem.conflict(
          "以下图斑已有未办结的延期申请：", "these spots are in an undecided extension application: ", pending);
    }
    for (SpotDeadlines spot : spots) {
      if (!requested.isAfter(spot.countyDue())) {
        throw ExtensionProblem.invalid(
            "申请延至的日期须晚于图斑 " + spot.monitoringCode() + " 现有的截止日期 " + spot.countyDue(),
            "requestedDueDate must be after spot "
                + spot.monitoringCode()
                + "'s current due date "
                + spot.countyDue());
      }
      if (requested.isAfter(spot.countyDue().plusDays(properties.maxDays()))) {
        throw ExtensionProblem.invalid(
            "一次最多延期 "
                + properties.maxDays()
                + " 天：图斑 "
                + spot.monitoringCode()
                + " 最晚可申请至 "
                + spot.countyDue().plusDays(properties.maxDays()),
            "at most " + properties.maxDays() + " days past the current due date");
      }
    }
    return spots;
  }

  /** Distinct codes, each lock taken in one order so two applications cannot deadlock. */
  private static List<String> codes(List<String> given) {
    TreeSet<String> codes = new TreeSet<>();
    if (given != null) {
      for (String code : given) {
        if (code != null && !code.isBlank()) {
          codes.add(code.trim());
        }
      }
    }
    if (codes.isEmpty() || codes.size() > MAX_SPOTS) {
      throw ExtensionProblem.invalid(
          "请选择 1 至 " + MAX_SPOTS + " 个申请延期的图斑", "name between 1 and " + MAX_SPOTS + " spots");
    }
    return List.copyOf(codes);
  }

  private String documentType(Application application) {
    byte[] content = application.document();
    if (content == null || content.length == 0) {
      throw ExtensionProblem.invalid(
          "必须上传书面延期申请（" + WrittenApplication.acceptedKinds() + "）",
          "the written application is required");
    }
    if (content.length > properties.maxDocumentSize().toBytes()) {
      throw ExtensionProblem.invalid(
          "书面申请不得超过 " + properties.maxDocumentSize().toMegabytes() + " MB",
          "the written application is larger than " + properties.maxDocumentSize());
    }
    return WrittenApplication.mediaType(content, application.fileName())
        .orElseThrow(
            () ->
                ExtensionProblem.invalid(
                    "书面申请须为 " + WrittenApplication.acceptedKinds() + " 文件",
                    "the written application must be a PDF, JPEG, PNG, Word or OFD document"));
  }

  private static String fileName(String given) {
    String name = given == null ? "" : given.replaceAll("[\\p{Cntrl}/\\\\]", "").trim();
    if (name.isEmpty()) {
      return "延期申请";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private void discard(DocumentReferenceResponse stored) {
    try {
      camunda.newDeleteDocumentCommand(stored).send().join();
    } catch (RuntimeException e) {
      LOG.warn(
          "orphaned extension document {} not deleted: {}", stored.getDocumentId(), e.getMessage());
    }
  }
}
