package landwatch.engine.processing;

/** Zeebe's rejection types; each maps to the HTTP status the real REST API answers with. */
public enum RejectionType {
  INVALID_ARGUMENT(400, "INVALID_ARGUMENT"),
  NOT_FOUND(404, "NOT_FOUND"),
  INVALID_STATE(409, "INVALID_STATE"),
  ALREADY_EXISTS(409, "ALREADY_EXISTS"),
  EXCEEDED_BATCH_RECORD_SIZE(400, "EXCEEDED_BATCH_RECORD_SIZE"),
  /** A request (or a part of it) over a configured size limit. */
  PAYLOAD_TOO_LARGE(413, "PAYLOAD_TOO_LARGE"),
  /** An uploaded document of a content type that is not allowed, or not what its bytes are. */
  UNSUPPORTED_MEDIA_TYPE(415, "UNSUPPORTED_MEDIA_TYPE"),
  /** The command queue is full: refused before it was queued, nothing applied. */
  UNAVAILABLE(503, "RESOURCE_EXHAUSTED"),
  /**
   * The engine is not running or is shutting down: the command was not (or will not be) applied.
   */
  NOT_RUNNING(503, "UNAVAILABLE");

  public final int status;
  public final String title;

  RejectionType(int status, String title) {
    this.status = status;
    this.title = title;
  }
}
