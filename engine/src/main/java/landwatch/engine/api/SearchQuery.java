package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import landwatch.engine.processing.Rejection;

/**
 * Turns a search request's filter, sort and page into SQL. A filter property is either a plain
 * value or an advanced filter ({@code $eq}, {@code $neq}, {@code $in}, {@code $notIn},
 * {@code $exists}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $like}).
 */
final class SearchQuery {

  /** An API field and the SQL expression it is stored in; numeric fields are keys or versions. */
  record Field(String sql, boolean numeric) {}

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
    if (request == null) {
      return this;
    }
    JsonNode filter = request.get("filter");
    if (filter != null && filter.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> properties = filter.fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        JsonNode value = property.getValue();
        if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
          continue;
        }
        Field field = fields.get(property.getKey());
        if (field == null) {
          throw Rejection.invalidArgument("The filter property '%s' is not supported", property.getKey());
        }
        filter(field, property.getValue());
      }
    }
    JsonNode sort = request.get("sort");
    if (sort != null && sort.isArray() && !sort.isEmpty()) {
      List<String> orders = new ArrayList<>();
      for (JsonNode order : sort) {
        Field field = fields.get(order.path("field").asText());
        if (field == null) {
          throw Rejection.invalidArgument("The sort field '%s' is not supported", order.path("field").asText());
        }
        orders.add(field.sql() + ("DESC".equalsIgnoreCase(order.path("order").asText()) ? " DESC" : " ASC"));
      }
      orderBy = String.join(", ", orders) + ", " + orderBy;
    }
    JsonNode page = request.get("page");
    if (page != null) {
      from = page.path("from").asInt(0);
      limit = Math.min(Math.max(page.path("limit").asInt(100), 0), 10_000);
      if (page.hasNonNull("searchAfter")) {
        from = Integer.parseInt(page.get("searchAfter").asText()) + 1;
      }
    }
    return this;
  }

  private void filter(Field field, JsonNode value) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isObject()) {
      where.add(field.sql() + " = ?");
      args.add(scalar(field, value));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> operator = operators.next();
      JsonNode operand = operator.getValue();
      switch (operator.getKey()) {
        case "$eq" -> condition(field.sql() + " = ?", scalar(field, operand));
        case "$neq" -> condition(field.sql() + " <> ?", scalar(field, operand));
        case "$gt" -> condition(field.sql() + " > ?", scalar(field, operand));
        case "$gte" -> condition(field.sql() + " >= ?", scalar(field, operand));
        case "$lt" -> condition(field.sql() + " < ?", scalar(field, operand));
        case "$lte" -> condition(field.sql() + " <= ?", scalar(field, operand));
        case "$like" -> condition(field.sql() + "::text LIKE ?", operand.asText().replace('*', '%').replace('?', '_'));
        case "$exists" -> where.add(field.sql() + (operand.asBoolean() ? " IS NOT NULL" : " IS NULL"));
        case "$in", "$notIn" -> {
          if (operand.isEmpty()) {
            // the client sends an empty list for "no such condition"
            continue;
          }
          List<String> marks = new ArrayList<>();
          for (JsonNode item : operand) {
            marks.add("?");
            args.add(scalar(field, item));
          }
          String list = String.join(", ", marks);
          where.add(field.sql() + (operator.getKey().equals("$in") ? " IN (" : " NOT IN (") + list + ")");
        }
        default -> throw Rejection.invalidArgument("The filter operator '%s' is not supported", operator.getKey());
      }
    }
  }

  private void condition(String sql, Object value) {
    where.add(sql);
    args.add(value);
  }

  private static Object scalar(Field field, JsonNode value) {
    if (field.numeric()) {
      return Long.parseLong(value.asText());
    }
    return value.isBoolean() ? value.asBoolean() : value.asText();
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
