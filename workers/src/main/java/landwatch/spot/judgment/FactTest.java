package landwatch.spot.judgment;

import java.math.BigDecimal;
import java.util.Set;

/** One test on one fact; a rule matches when all its tests pass. */
sealed interface FactTest {

  boolean passes(CheckFacts facts);

  record Equals(String fact, Object expected) implements FactTest {
    @Override
    public boolean passes(CheckFacts facts) {
      Object actual = facts.value(fact);
      if (expected instanceof BigDecimal number) {
        return number.compareTo((BigDecimal) actual) == 0;
      }
      return expected.equals(actual);
    }
  }

  record OneOf(String fact, Set<String> values, boolean negated) implements FactTest {
    @Override
    public boolean passes(CheckFacts facts) {
      return values.contains((String) facts.value(fact)) != negated;
    }
  }

  /** {@code lt, le, gt, ge} against a bound. */
  record Compare(String fact, String operator, BigDecimal bound) implements FactTest {
    static final Set<String> OPERATORS = Set.of("lt", "le", "gt", "ge");

    @Override
    public boolean passes(CheckFacts facts) {
      int c = ((BigDecimal) facts.value(fact)).compareTo(bound);
      return switch (operator) {
        case "lt" -> c < 0;
        case "le" -> c <= 0;
        case "gt" -> c > 0;
        case "ge" -> c >= 0;
        default -> throw new IllegalStateException(operator);
      };
    }
  }
}
