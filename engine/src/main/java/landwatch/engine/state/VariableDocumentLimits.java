package landwatch.engine.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * The one measure of a variable document: its size as JSON and how deeply its values nest. The same
 * measure refuses a request's variables (on the way in), stops a step whose FEEL results would
 * exceed it (on the way out) and decides whether a job can be delivered, so nothing the engine
 * accepts or produces becomes undeliverable.
 */
public final class VariableDocumentLimits {

  public static final String SIZE_PROPERTY = "landwatch.engine.limits.max-variable-document-size";
  public static final String DEPTH_PROPERTY = "landwatch.engine.limits.max-variable-depth";

  /**
   * Jackson writes at most 1,000 nested levels and the API wraps a variable in a few more (an
   * activation response: response, jobs, job, variables); a higher limit would accept variables
   * that no response could carry.
   */
  public static final int MAX_DEPTH_LIMIT = 900;

  private final long maxBytes;
  private final int maxDepth;
  private final JsonFactory measuring;

  public VariableDocumentLimits(long maxBytes, int maxDepth) {
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
      throw new IllegalArgumentException(
          "Expected "
              + DEPTH_PROPERTY
              + " to be between 1 and "
              + MAX_DEPTH_LIMIT
              + ", but it was "
              + maxDepth);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException(
          "Expected " + SIZE_PROPERTY + " to be positive, but it was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    // the document itself is one level: its values may nest maxDepth more
    this.measuring =
        JsonFactory.builder()
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(maxDepth + 1).build())
            .build();
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Why the document exceeds a limit, in Zeebe's words and naming the property, or null when it is
   * within both. One pass: the JSON is counted, not kept.
   */
  public String violation(Map<String, Object> document) {
    if (document == null || document.isEmpty()) {
      return null;
    }
    Counter counter = new Counter();
    try (JsonGenerator json = measuring.createGenerator(counter)) {
      json.writeStartObject();
      for (Map.Entry<String, Object> variable : document.entrySet()) {
        json.writeFieldName(variable.getKey());
        try {
          EngineJson.VALUES.writeValue(json, variable.getValue());
        } catch (JsonProcessingException e) {
          if (!tooDeep(e)) {
            throw e;
          }
          return String.format(
              "Expected the variable '%s' to nest at most %d levels (%s), but it nests %d levels",
              variable.getKey(), maxDepth, DEPTH_PROPERTY, depth(variable.getValue()));
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.bytes > maxBytes ? tooLarge(counter.bytes) : null;
  }

  /** Why a document of this many bytes may not be stored, or null. */
  public String tooLarge(long bytes) {
    return bytes <= maxBytes
        ? null
        : String.format(
            "Expected the variable document to be at most %d bytes (%s), but it was %d bytes",
            maxBytes, SIZE_PROPERTY, bytes);
  }

  /** The bytes one value takes as JSON (within a document, where it is measured the same way). */
  public long size(Object value) {
    Counter counter = new Counter();
    try (JsonGenerator json = measuring.createGenerator(counter)) {
      EngineJson.VALUES.writeValue(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.bytes;
  }

  /** Jackson reports the nesting limit as the cause of a path-wrapped mapping exception. */
  private static boolean tooDeep(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Objects and arrays count one level each, scalars none; iterative, as the value may be very
   * deep.
   */
  static int depth(Object value) {
    record Node(Object value, int depth) {}
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(value, 0));
    int deepest = 0;
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      Collection<?> children =
          node.value() instanceof Map<?, ?> map
              ? map.values()
              : node.value() instanceof Collection<?> list ? list : null;
      if (children != null) {
        int depth = node.depth() + 1;
        deepest = Math.max(deepest, depth);
        children.forEach(child -> pending.push(new Node(child, depth)));
      }
    }
    return deepest;
  }

  private static final class Counter extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
