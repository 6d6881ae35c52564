package landwatch.deadline;

import java.util.Objects;

/**
 * A message to everyone of a unit's role group (a candidate group, e.g. {@code
 * county:640104:officer}), about one spot.
 *
 * @param kind what happened, e.g. {@code COUNTY_OVERDUE}
 * @param message in Chinese, complete in itself (a text message shows nothing else)
 */
public record Notice(String recipientGroup, String kind, String message, Long spotId) {

  public Notice {
    Objects.requireNonNull(recipientGroup, "recipientGroup");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
