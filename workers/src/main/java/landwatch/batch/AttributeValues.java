package landwatch.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns attribute values as files hold them into the types a spot needs. */
final class AttributeValues {

  // 2023-01-15, 2023/1/15, 2023.01.15, 2023年1月15日, 20230115, and the same without the day.
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})(?:[-/.年]?(\\d{1,2})(?:[-/.月]?(\\d{1,2})日?)?月?)?(?:[ T].*)?");

  private AttributeValues() {}

  /** The value as text; numbers without exponent or trailing zeros (640104, not 640104.0). */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return text(new BigDecimal(value.toString()));
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
      return Optional.of(new BigDecimal(value.toString()));
    }
    try {
      BigDecimal parsed = new BigDecimal(text(value));
      return Optional.of(parsed);
    } catch (NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> date(Object value) {
    if (value instanceof LocalDate date) {
      return Optional.of(date);
    }
    String text = text(value);
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return Optional.empty();
      }
      int month = Integer.parseInt(m.group(2));
      return Optional.of(
          m.group(3) == null
              ? YearMonth.of(year, month).atDay(1)
              : LocalDate.of(year, month, Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
