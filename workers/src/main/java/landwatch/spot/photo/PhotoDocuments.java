package landwatch.spot.photo;

import java.util.Optional;

/** Where a photo's bytes come from: the Camunda document store, in the worker. */
@FunctionalInterface
public interface PhotoDocuments {

  /**
   * The document's content, or empty when the store no longer has it (deleted, expired). Any other
   * failure is thrown: it may pass, and the job is retried.
   */
  Optional<byte[]> content(PhotoReference reference);
}
