package landwatch.audit;

/** How a request ended: done, refused (the caller's fault or not allowed), or failed (ours). */
public enum Outcome {
  DONE,
  REFUSED,
  FAILED
}
