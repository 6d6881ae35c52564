package landwatch.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who decides on an extension application, in order: by default the city endorses and the province
 * approves. A refusal at any step ends the application; passing the last step approves it. The
 * chain is configuration (a province may let the city decide alone, or decide without the city),
 * and each application keeps the chain it was filed under.
 */
public record ApprovalChain(List<ApprovalStep> steps) {

  public static final ApprovalChain CITY_THEN_PROVINCE =
      new ApprovalChain(List.of(ApprovalStep.CITY, ApprovalStep.PROVINCE));

  public ApprovalChain {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException(
          "extension approval chain is empty: name CITY, PROVINCE or both");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).ordinal() <= steps.get(i - 1).ordinal()) {
        throw new IllegalArgumentException(
            "extension approval chain "
                + steps
                + ": each level once, the city before the province");
      }
    }
  }

  /** The chain from its configured names, e.g. {@code ["CITY", "PROVINCE"]}. */
  public static ApprovalChain of(List<String> names) {
    List<ApprovalStep> steps = new ArrayList<>();
    for (String name : names) {
      try {
        steps.add(ApprovalStep.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "extension approval chain: unknown level '" + name + "' (CITY or PROVINCE)", e);
      }
    }
    return new ApprovalChain(steps);
  }

  public boolean isLast(ApprovalStep step) {
    return steps.get(steps.size() - 1) == step;
  }

  /** The names as the process variable {@code approvalChain} carries them. */
  public List<String> names() {
    return steps.stream().map(Enum::name).toList();
  }
}
