package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import landwatch.engine.processing.Rejection;

/**
 * Turns a search request's filter, sort and page into SQL. A filter property is either a plain
 * value or an advanced filter ({@code $eq}, {@code $neq}, {@code $in}, {@code $notIn}, {@code
 * $exists}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $like}). Every value is
 * checked against its field's kind before it becomes a bind parameter, so a wrong value is refused
 * naming the field instead of failing in the database.
 */
final class SearchQuery {

  static final int MAX_LIMIT = 10_000;

  /** Far below PostgreSQL's 65,535 bind parameters per statement. */
  static final int MAX_VALUES = 10_000;

  /** As camunda-client-java 8.8 sends them: an offset or a cursor. */
  private static final List<String> PAGE_PROPERTIES = List.of("from", "limit", "after", "before");

  /** What an API field holds, and so which values and operators it takes. */
  enum Kind {
    KEY,
    INTEGER,
    TEXT,
    BOOLEAN,
    DATE,
    /** A PostgreSQL {@code text[]}: a filter value matches when the list holds it. */
    TEXT_LIST
  }

  /**
   * An API field and the SQL expression it is stored in; dates are stored as epoch milliseconds.
   *
   * @param values the only values a text field takes (an enumeration), or empty for any text
   */
  record Field(String sql, Kind kind, Set<String> values) {

    static Field key(String sql) {
      return new Field(sql, Kind.KEY, Set.of());
    }

    static Field integer(String sql) {
      return new Field(sql, Kind.INTEGER, Set.of());
    }

    static Field text(String sql) {
      return new Field(sql, Kind.TEXT, Set.of());
    }

    static Field bool(String sql) {
      return new Field(sql, Kind.BOOLEAN, Set.of());
    }

    static Field date(String sql) {
      return new Field(sql, Kind.DATE, Set.of());
    }

    static Field textList(String sql) {
      return new Field(sql, Kind.TEXT_LIST, Set.of());
    }

    /**
     * A text field taking only the values of an OpenAPI enumeration (without its "unknown" case).
     */
    static Field oneOf(String sql, Enum<?>[] constants) {
      Set<String> values = new TreeSet<>();
      Arrays.stream(constants)
          .filter(c -> !c.name().equals("UNKNOWN_DEFAULT_OPEN_API"))
          .map(Object::toString)
          .forEach(values::add);
      return new Field(sql, Kind.TEXT, values);
    }

    /**
     * A field every row has the same value of (the one tenant, the one partition): PostgreSQL
     * refuses a text constant in ORDER BY and reads a number as a column position, and sorting by
     * it orders nothing anyway.
     */
    boolean isConstant() {
      return sql.startsWith("'") || sql.chars().allMatch(Character::isDigit);
    }
  }

  private final Map<String, Field> fields;
  private final List<String> where = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();
  private String orderBy;
  int from;
  int limit = 100;

  SearchQuery(Map<String, Field> fields, String defaultOrder) {
    this.fields = fields;
    this.orderBy = defaultOrder;
  }

  SearchQuery where(String condition, Object... values) {
    where.add(condition);
    args.addAll(List.of(values));
    return this;
  }

  SearchQuery read(JsonNode request) {
    if (request == null || request.isNull()) {
      return this;
    }
    if (!request.isObject()) {
      throw Rejection.invalidArgument(
          "Expected the search request to be a JSON object, but it was %s", kindOf(request));
    }
    readFilter(request.get("filter"));
    readSort(request.get("sort"));
    readPage(request.get("page"));
    return this;
  }

  private void readFilter(JsonNode filter) {
    if (filter == null || filter.isNull()) {
      return;
    }
    if (!filter.isObject()) {
      throw Rejection.invalidArgument(
          "Expected 'filter' to be a JSON object, but it was %s", kindOf(filter));
    }
    Iterator<Map.Entry<String, JsonNode>> properties = filter.fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode value = property.getValue();
      // the client sends empty objects and lists (e.g. "tags": []) for properties not filtered by
      if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
        continue;
      }
      Field field = fields.get(property.getKey());
      if (field == null) {
        throw Rejection.invalidArgument(
            "The filter property '%s' is not supported, expected one of %s",
            property.getKey(), new TreeSet<>(fields.keySet()));
      }
      filter(property.getKey(), field, value);
    }
  }

  private void readSort(JsonNode sort) {
    if (sort == null || sort.isNull() || (sort.isArray() && sort.isEmpty())) {
      return;
    }
    if (!sort.isArray()) {
      throw Rejection.invalidArgument(
          "Expected 'sort' to be a JSON array, but it was %s", kindOf(sort));
    }
    List<String> orders = new ArrayList<>();
    for (JsonNode order : sort) {
      String name = order.path("field").asText();
      Field field = fields.get(name);
      if (field == null) {
        throw Rejection.invalidArgument(
            "The sort field '%s' is not supported, expected one of %s",
            name, new TreeSet<>(fields.keySet()));
      }
      JsonNode direction = order.path("order");
      if (direction.isMissingNode()
          || direction.isNull()
          || "ASC".equalsIgnoreCase(direction.asText())) {
        addOrder(orders, field, " ASC");
      } else if ("DESC".equalsIgnoreCase(direction.asText())) {
        addOrder(orders, field, " DESC");
      } else {
        throw Rejection.invalidArgument(
            "Expected the sort order of '%s' to be ASC or DESC, but it was %s",
            name, shown(direction));
      }
    }
    if (!orders.isEmpty()) {
      orderBy = String.join(", ", orders) + ", " + orderBy;
    }
  }

  private static void addOrder(List<String> orders, Field field, String direction) {
    if (!field.isConstant()) {
      orders.add(field.sql() + direction);
    }
  }

  private void readPage(JsonNode page) {
    if (page == null || page.isNull()) {
      return;
    }
    if (!page.isObject()) {
      throw Rejection.invalidArgument(
          "Expected 'page' to be a JSON object, but it was %s", kindOf(page));
    }
    page.fieldNames()
        .forEachRemaining(
            name -> {
              if (!PAGE_PROPERTIES.contains(name)) {
                throw Rejection.invalidArgument(
                    "The page property '%s' is not supported, expected one of %s",
                    name, PAGE_PROPERTIES);
              }
            });
    from = pageNumber(page, "from", 0, Integer.MAX_VALUE, 0);
    limit = pageNumber(page, "limit", 1, MAX_LIMIT, 100);
    // the cursors are the positions of the first and last item of a page the engine answered
    // earlier
    if (page.hasNonNull("after")) {
      from = cursor(page, "after") + 1;
    }
    if (page.hasNonNull("before")) {
      int before = cursor(page, "before");
      from = Math.max(before - limit, 0);
      limit = Math.min(limit, before);
    }
  }

  private static int pageNumber(JsonNode page, String name, int min, int max, int absent) {
    JsonNode value = page.get(name);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.canConvertToExactIntegral()
        || !value.canConvertToInt()
        || value.asInt() < min
        || value.asInt() > max) {
      throw Rejection.invalidArgument(
          "Expected 'page.%s' to be an integer from %d to %d, but it was %s",
          name, min, max, shown(value));
    }
    return value.asInt();
  }

  private static int cursor(JsonNode page, String name) {
    String text = page.get(name).asText();
    try {
      int position = Integer.parseInt(text);
      if (position >= 0 && position < Integer.MAX_VALUE) {
        return position;
      }
    } catch (NumberFormatException notAPosition) {
      // answered below like a negative one
    }
    throw Rejection.invalidArgument(
        "Expected 'page.%s' to be the startCursor or endCursor of an earlier page, but it was %s",
        name, shown(page.get(name)));
  }

  /**
   * Adds the conditions of one filter property on a field that the query's own fields need not hold
   * (a variable's value within a condition the caller builds); see {@link #conditions()}.
   */
  SearchQuery filter(String name, String sql, JsonNode value) {
    filter(name, Field.text(sql), value);
    return this;
  }

  /** The conditions alone, joined by AND, without WHERE; {@code TRUE} when there are none. */
  String conditions() {
    return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
  }

  private void filter(String name, Field field, JsonNode value) {
    if (field.kind() == Kind.TEXT_LIST) {
      filterList(name, field, value);
      return;
    }
    if (!value.isObject()) {
      condition(field.sql() + " = ?", scalar(name, field, value));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> operator = operators.next();
      String property = name + "." + operator.getKey();
      JsonNode operand = operator.getValue();
      if (operand.isNull()) {
        continue;
      }
      switch (operator.getKey()) {
        case "$eq" -> condition(field.sql() + " = ?", scalar(property, field, operand));
        case "$neq" -> condition(field.sql() + " <> ?", scalar(property, field, operand));
        case "$gt" -> condition(field.sql() + " > ?", ordered(property, field, operand));
        case "$gte" -> condition(field.sql() + " >= ?", ordered(property, field, operand));
        case "$lt" -> condition(field.sql() + " < ?", ordered(property, field, operand));
        case "$lte" -> condition(field.sql() + " <= ?", ordered(property, field, operand));
        case "$like" -> condition(field.sql() + " LIKE ?", like(property, field, operand));
        case "$exists" -> {
          if (!operand.isBoolean()) {
            throw Rejection.invalidArgument(
                "Expected '%s' to be true or false, but it was %s", property, shown(operand));
          }
          where.add(field.sql() + (operand.asBoolean() ? " IS NOT NULL" : " IS NULL"));
        }
        case "$in", "$notIn" -> in(property, field, operand, operator.getKey().equals("$in"));
        default ->
            throw Rejection.invalidArgument(
                "The filter operator '%s' is not supported, expected one of "
                    + "[$eq, $neq, $gt, $gte, $lt, $lte, $like, $exists, $in, $notIn]",
                property);
      }
    }
  }

  /** The list holds the value ({@code @>}, which its GIN index serves), or holds one like it. */
  private void filterList(String name, Field field, JsonNode value) {
    if (!value.isObject()) {
      condition(field.sql() + " @> ARRAY[?]::text[]", scalar(name, field, value));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> operator = operators.next();
      String property = name + "." + operator.getKey();
      JsonNode operand = operator.getValue();
      if (operand.isNull()) {
        continue;
      }
      switch (operator.getKey()) {
        case "$eq" ->
            condition(field.sql() + " @> ARRAY[?]::text[]", scalar(property, field, operand));
        case "$neq" ->
            condition(
                "NOT " + field.sql() + " @> ARRAY[?]::text[]", scalar(property, field, operand));
        case "$like" ->
            condition(
                "EXISTS (SELECT 1 FROM unnest(" + field.sql() + ") AS item WHERE item LIKE ?)",
                like(property, Field.text(field.sql()), operand));
        case "$exists" -> {
          if (!operand.isBoolean()) {
            throw Rejection.invalidArgument(
                "Expected '%s' to be true or false, but it was %s", property, shown(operand));
          }
          where.add("cardinality(" + field.sql() + (operand.asBoolean() ? ") > 0" : ") = 0"));
        }
        case "$in", "$notIn" -> {
          String marks = marks(property, field, operand);
          if (marks != null) {
            where.add(
                (operator.getKey().equals("$in") ? "" : "NOT ")
                    + field.sql()
                    + " && ARRAY["
                    + marks
                    + "]::text[]");
          }
        }
        default ->
            throw Rejection.invalidArgument(
                "The filter operator '%s' is not supported on a list, expected one of "
                    + "[$eq, $neq, $like, $exists, $in, $notIn]",
                property);
      }
    }
  }

  private void in(String property, Field field, JsonNode operand, boolean in) {
    String marks = marks(property, field, operand);
    if (marks != null) {
      where.add(field.sql() + (in ? " IN (" : " NOT IN (") + marks + ")");
    }
  }

  /**
   * The bind marks of an {@code $in}/{@code $notIn} operand, its values checked and added as
   * parameters; null for an empty list, which the client sends for "no such condition".
   */
  private String marks(String property, Field field, JsonNode operand) {
    if (!operand.isArray()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a JSON array, but it was %s", property, kindOf(operand));
    }
    if (operand.isEmpty()) {
      return null;
    }
    if (args.size() + operand.size() > MAX_VALUES) {
      throw Rejection.invalidArgument(
          "Expected a search to filter by at most %d values, but '%s' alone has %d",
          MAX_VALUES, property, operand.size());
    }
    List<String> marks = new ArrayList<>();
    for (JsonNode item : operand) {
      marks.add("?");
      args.add(scalar(property, field, item));
    }
    return String.join(", ", marks);
  }

  private void condition(String sql, Object value) {
    where.add(sql);
    args.add(value);
  }

  private static Object ordered(String property, Field field, JsonNode value) {
    if (field.kind() == Kind.BOOLEAN || (field.kind() == Kind.TEXT && !field.values().isEmpty())) {
      throw Rejection.invalidArgument(
          "Expected '%s' to compare a number, a date-time or a text, but the field takes %s",
          property, expected(field));
    }
    return scalar(property, field, value);
  }

  /** Zeebe's wildcards: {@code *} any characters, {@code ?} one, a backslash escapes the next. */
  private static String like(String property, Field field, JsonNode value) {
    if (field.kind() != Kind.TEXT || !value.isTextual()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a text pattern on a text field, but it was %s on a field taking %s",
          property, shown(value), expected(field));
    }
    String pattern = withoutNul(property, value.asText());
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
        sql.append(c == '%' || c == '_' || c == '\\' ? "\\" + c : String.valueOf(c));
      } else if (c == '*') {
        sql.append('%');
      } else if (c == '?') {
        sql.append('_');
      } else {
        sql.append(c == '%' || c == '_' || c == '\\' ? "\\" + c : String.valueOf(c));
      }
    }
    return sql.toString();
  }

  /** No stored text holds a NUL character, and PostgreSQL refuses one in a text parameter. */
  private static String withoutNul(String property, String text) {
    if (text.indexOf('\u0000') >= 0) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a text without NUL characters, but it contains one", property);
    }
    return text;
  }

  private static Object scalar(String property, Field field, JsonNode value) {
    return switch (field.kind()) {
      case KEY -> {
        // keys travel as strings (they exceed JavaScript's integers), versions as numbers
        if ((value.isTextual() || value.isIntegralNumber())
            && value.asText().matches("-?\\d{1,19}")) {
          try {
            yield Long.parseLong(value.asText());
          } catch (NumberFormatException tooLarge) {
            // a 19-digit number above Long.MAX_VALUE: refused below
          }
        }
        throw mismatch(property, field, value);
      }
      case INTEGER -> {
        if (value.canConvertToExactIntegral() && value.canConvertToInt()) {
          yield value.asInt();
        }
        throw mismatch(property, field, value);
      }
      case BOOLEAN -> {
        if (value.isBoolean()) {
          yield value.asBoolean();
        }
        throw mismatch(property, field, value);
      }
      case DATE -> {
        if (value.isTextual()) {
          try {
            yield epochMillis(ZonedDateTime.parse(value.asText()).toInstant());
          } catch (DateTimeParseException notADate) {
            // refused below
          }
        }
        throw mismatch(property, field, value);
      }
      case TEXT, TEXT_LIST -> {
        if (!value.isTextual()
            || (!field.values().isEmpty() && !field.values().contains(value.asText()))) {
          throw mismatch(property, field, value);
        }
        yield withoutNul(property, value.asText());
      }
    };
  }

  /**
   * Exact, fractions below a millisecond included, so that e.g. {@code $gt} never matches the
   * instant itself.
   */
  private static BigDecimal epochMillis(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .movePointRight(3)
        .add(BigDecimal.valueOf(instant.getNano(), 6));
  }

  private static Rejection mismatch(String property, Field field, JsonNode value) {
    return Rejection.invalidArgument(
        "Expected '%s' to be %s, but it was %s", property, expected(field), shown(value));
  }

  private static String expected(Field field) {
    return switch (field.kind()) {
      case KEY -> "a key (a 64-bit integer, as a string or a number)";
      case INTEGER -> "an integer";
      case BOOLEAN -> "true or false";
      case DATE -> "an ISO 8601 date-time with an offset, e.g. 2025-04-01T08:30:00+08:00";
      case TEXT, TEXT_LIST -> field.values().isEmpty() ? "a text" : "one of " + field.values();
    };
  }

  private static String shown(JsonNode value) {
    if (value.isContainerNode()) {
      return kindOf(value);
    }
    String text = value.toString();
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }

  private static String kindOf(JsonNode value) {
    return value.isObject() ? "a JSON object" : value.isArray() ? "a JSON array" : shown(value);
  }

  String whereClause() {
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  String orderAndPage() {
    return " ORDER BY " + orderBy + " LIMIT " + limit + " OFFSET " + from;
  }

  Object[] args() {
    return args.toArray();
  }
}
