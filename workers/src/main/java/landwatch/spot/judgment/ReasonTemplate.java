package landwatch.spot.judgment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reason text with {@code {fact}} placeholders, checked against the catalogue at load. */
final class ReasonTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_.]+)}");

  private final String text;
  private final List<String> facts;

  private ReasonTemplate(String text, List<String> facts) {
    this.text = text;
    this.facts = facts;
  }

  static ReasonTemplate parse(String text, String where) {
    List<String> facts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!CheckFacts.catalogue().containsKey(m.group(1))) {
        throw new RuleTableException(where + ": reason names unknown fact {" + m.group(1) + "}");
      }
      facts.add(m.group(1));
    }
    return new ReasonTemplate(text, facts);
  }

  String render(CheckFacts values) {
    String rendered = text;
    for (String fact : facts) {
      rendered = rendered.replace("{" + fact + "}", display(values.value(fact)));
    }
    return rendered;
  }

  private static String display(Object value) {
    if (value instanceof Boolean flag) {
      return flag ? "是" : "否";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    return String.valueOf(value);
  }
}
