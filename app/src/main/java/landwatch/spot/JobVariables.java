package landwatch.spot;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A job's variables as the spot-check model names them. A missing or mistyped variable is a
 * modelling error, answered with an {@link IllegalArgumentException} naming it (the job fails and,
 * out of retries, raises an incident an operator can read).
 */
public record JobVariables(Map<String, Object> values) {

  public Object get(String name) {
    return values.get(name);
  }

  public String text(String name) {
    Object value = values.get(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("job variable " + name + " must be a text, was " + value);
    }
    return text;
  }

  /** A text of a map variable, or null when absent or blank. */
  public static String optionalText(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof String text && !text.isBlank()
        ? text.trim()
        : null;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    Object value = values.get(name);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("job variable " + name + " must be a map, was " + value);
    }
    return (Map<String, Object>) map;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  /**
   * The engine's time of the step: the model maps FEEL {@code now()} to {@code recordedAt}, so a
   * step is timed by the clock its deadlines' timers run on.
   */
  public OffsetDateTime recordedAt() {
    return dateTime("recordedAt");
  }

  public OffsetDateTime dateTime(String name) {
    String text = text(name);
    try {
      return ZonedDateTime.parse(text).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "job variable " + name + " must be an ISO date-time, was " + text, e);
    }
  }

  @SuppressWarnings("unchecked")
  public static List<String> texts(Object value) {
    if (value instanceof List<?> list) {
      return ((List<Object>) list)
          .stream()
              .filter(v -> v instanceof String s && !s.isBlank())
              .map(String.class::cast)
              .toList();
    }
    return value instanceof String s && !s.isBlank() ? List.of(s) : List.of();
  }
}
