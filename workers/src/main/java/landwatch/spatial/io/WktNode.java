package landwatch.spatial.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One keyword of a WKT coordinate system description with its bracketed values: quoted strings,
 * numbers (kept as text) and nested keywords. Enough of WKT1 (OGC and ESRI dialects) and WKT2 to
 * read a .prj; no semantics here.
 */
record WktNode(String keyword, List<Object> values) {

  private static final int MAX_DEPTH = 32;

  static WktNode parse(String text) {
    Parser parser = new Parser(text);
    WktNode node = parser.node(0);
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("trailing text");
    }
    return node;
  }

  List<WktNode> children() {
    List<WktNode> children = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof WktNode node) {
        children.add(node);
      }
    }
    return children;
  }

  Optional<WktNode> child(String... keywords) {
    for (WktNode node : children()) {
      for (String keyword : keywords) {
        if (node.keyword.equalsIgnoreCase(keyword)) {
          return Optional.of(node);
        }
      }
    }
    return Optional.empty();
  }

  /** The first quoted string, which in WKT is the object's name. */
  String name() {
    return values.isEmpty() || !(values.get(0) instanceof String s) ? "" : s;
  }

  /** The n-th unquoted number among the values, counting from 0. */
  Optional<Double> number(int n) {
    int seen = 0;
    for (Object value : values) {
      if (value instanceof Number number && seen++ == n) {
        return Optional.of(number.doubleValue());
      }
    }
    return Optional.empty();
  }

  /** Searches depth-first for every keyword with the given name. */
  void collect(String keyword, List<WktNode> into) {
    if (this.keyword.equalsIgnoreCase(keyword)) {
      into.add(this);
    }
    children().forEach(child -> child.collect(keyword, into));
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    WktNode node(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested too deeply");
      }
      skipSpace();
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error("keyword expected");
      }
      String keyword = text.substring(start, pos).toUpperCase(Locale.ROOT);
      skipSpace();
      List<Object> values = new ArrayList<>();
      if (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == '(')) {
        char close = text.charAt(pos) == '[' ? ']' : ')';
        pos++;
        values.add(value(depth));
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
          values.add(value(depth));
          skipSpace();
        }
        if (pos >= text.length() || text.charAt(pos) != close) {
          throw error("'" + close + "' expected");
        }
        pos++;
      }
      return new WktNode(keyword, values);
    }

    private Object value(int depth) {
      skipSpace();
      if (pos >= text.length()) {
        throw error("value expected");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        return string();
      }
      if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
          pos++;
        }
        try {
          return Double.valueOf(text.substring(start, pos));
        } catch (NumberFormatException e) {
          throw error("bad number");
        }
      }
      return node(depth + 1);
    }

    /** A quoted string; WKT escapes a quote inside it by doubling it. */
    private String string() {
      StringBuilder s = new StringBuilder();
      pos++;
      while (true) {
        int end = text.indexOf('"', pos);
        if (end < 0) {
          throw error("unterminated string");
        }
        s.append(text, pos, end);
        pos = end + 1;
        if (pos < text.length() && text.charAt(pos) == '"') {
          s.append('"');
          pos++;
        } else {
          return s.toString();
        }
      }
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("WKT: " + what + " at " + pos);
    }
  }
}
