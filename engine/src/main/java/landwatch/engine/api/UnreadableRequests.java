package landwatch.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with a request body Jackson could not read, in the API's terms: the property
 * (a JSON path) and what it should have been. Jackson's own messages name Java types and classes.
 */
final class UnreadableRequests {

  private UnreadableRequests() {}

  /** Jackson wraps its parser limits in mapping failures that carry the property path. */
  private static StreamConstraintsException parserLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException limit) {
        return limit;
      }
    }
    return null;
  }

  static String describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    StreamConstraintsException limit = parserLimit(e);
    if (limit != null && String.valueOf(limit.getOriginalMessage()).contains("nesting depth")) {
      return "Expected the request body to nest at most 1000 levels, but it nests deeper"
          + " (variables may nest as deep as landwatch.engine.limits.max-variable-depth allows)";
    }
    if (limit != null) {
      return "Expected the request body to stay within the JSON parser's limits (nesting depth, length of numbers "
          + "and texts), but it exceeds one of them";
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "Expected '"
          + path(mapping)
          + "' to be "
          + expected(mapping)
          + ", but it was "
          + actual(mapping);
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return "Expected the request body to be valid JSON, but it is malformed at line "
          + json.getLocation().getLineNr()
          + ", column "
          + json.getLocation().getColumnNr();
    }
    if (cause == null) {
      return "Expected a JSON request body, but none was given";
    }
    return "Expected a JSON request body of the documented shape, but it could not be read";
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(JsonMappingException mapping) {
    Class<?> type = null;
    if (mapping instanceof MismatchedInputException mismatch) {
      type = mismatch.getTargetType();
    } else if (mapping instanceof ValueInstantiationException instantiation) {
      type = instantiation.getType().getRawClass();
    } else if (mapping.getCause() instanceof InputCoercionException coercion) {
      type = coercion.getTargetType();
    }
    if (type == null) {
      return "of the documented type";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream((Enum<?>[]) type.getEnumConstants())
              .filter(c -> !c.name().equals("UNKNOWN_DEFAULT_OPEN_API"))
              .map(Object::toString)
              .collect(Collectors.joining(", ", "[", "]"));
    }
    if (type == Long.class
        || type == long.class
        || type == Integer.class
        || type == int.class
        || type == Short.class
        || type == short.class) {
      return "an integer of at most "
          + (type == Long.class || type == long.class ? 64 : 32)
          + " bits";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
      return "a JSON object";
    }
    return "of the documented type";
  }

  private static String actual(JsonMappingException mapping) {
    if (mapping instanceof InvalidFormatException invalid && invalid.getValue() != null) {
      String value = String.valueOf(invalid.getValue());
      return "'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "'";
    }
    return mapping.getCause() instanceof InputCoercionException ? "out of that range" : "not";
  }
}
