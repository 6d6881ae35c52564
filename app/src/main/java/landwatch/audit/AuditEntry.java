package landwatch.audit;

/**
 * What happened, as a feature tells it: the action ({@code batch.import}, {@code user.disable}),
 * the object acted on, its state before and after where a record changes, and how it ended.
 */
public record AuditEntry(
    String action,
    String objectType,
    String objectId,
    Object before,
    Object after,
    Outcome outcome,
    String reason) {

  public static AuditEntry done(String action, String objectType, String objectId) {
    return new AuditEntry(action, objectType, objectId, null, null, Outcome.DONE, null);
  }

  public static AuditEntry refused(String action, String objectType, String objectId, String why) {
    return new AuditEntry(action, objectType, objectId, null, null, Outcome.REFUSED, why);
  }

  public AuditEntry before(Object state) {
    return new AuditEntry(action, objectType, objectId, state, after, outcome, reason);
  }

  public AuditEntry after(Object state) {
    return new AuditEntry(action, objectType, objectId, before, state, outcome, reason);
  }
}
