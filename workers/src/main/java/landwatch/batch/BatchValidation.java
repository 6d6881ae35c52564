package landwatch.batch;

import java.util.List;
import landwatch.spatial.io.ImportError;

/**
 * The all-or-nothing verdict on a batch: either every spot, or the list of what is wrong.
 *
 * @param spots every spot of the batch when accepted; empty when rejected
 * @param errors every problem found, by feature index; empty when accepted
 */
public record BatchValidation(List<IssuedSpot> spots, List<ImportError> errors) {

  public BatchValidation {
    spots = List.copyOf(spots);
    errors = List.copyOf(errors);
    if (!spots.isEmpty() && !errors.isEmpty()) {
      throw new IllegalArgumentException("a batch is accepted whole or rejected whole");
    }
  }

  public boolean accepted() {
    return errors.isEmpty();
  }
}
