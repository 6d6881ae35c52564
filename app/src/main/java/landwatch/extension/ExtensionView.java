package landwatch.extension;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An extension application as the API shows it: what was asked, by whom, how each level decided
 * and, once approved, each spot's due dates before and after ({@code spots} and {@code decisions}
 * are left out of lists).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExtensionView(
    long id,
    String countyCode,
    String cityCode,
    String status,
    String reason,
    LocalDate requestedDueDate,
    LocalDate grantedDueDate,
    List<String> approvalChain,
    int spotCount,
    Document application,
    String appliedBy,
    OffsetDateTime appliedAt,
    OffsetDateTime decidedAt,
    OffsetDateTime extendedAt,
    List<Spot> spots,
    List<Decision> decisions) {

  record Document(String fileName, String contentType, long bytes) {}

  record Spot(
      String monitoringCode,
      LocalDate countyDueBefore,
      LocalDate provinceDueBefore,
      LocalDate countyDueAfter,
      LocalDate provinceDueAfter,
      Boolean timersMoved) {}

  record Decision(
      String level,
      boolean approved,
      String opinion,
      LocalDate grantedDueDate,
      String decidedBy,
      OffsetDateTime decidedAt) {}

  ExtensionView withDetails(List<Spot> spots, List<Decision> decisions) {
    return new ExtensionView(
        id,
        countyCode,
        cityCode,
        status,
        reason,
        requestedDueDate,
        grantedDueDate,
        approvalChain,
        spotCount,
        application,
        appliedBy,
        appliedAt,
        decidedAt,
        extendedAt,
        spots,
        decisions);
  }
}
