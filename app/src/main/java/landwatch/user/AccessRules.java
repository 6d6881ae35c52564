package landwatch.user;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint's access rule, in declaration order; the first that matches a request decides. The
 * same matchers guard the requests and answer {@link #ruleFor}, so what the tests check is what the
 * filter chain enforces.
 */
public final class AccessRules {

  /** Who a rule lets through. */
  public enum Access {
    /** Anyone, signed in or not: the sign-in page, health. */
    ANYONE,
    /** Any signed-in user; what they see is narrowed to their jurisdiction by the feature. */
    SIGNED_IN,
    /** Signed-in users holding one of the rule's roles. */
    ROLES,
    /** The engine's {@code /v2}: its own credentials, checked by the engine, never a user's. */
    ENGINE
  }

  /** One rule: {@code method} null for every method. */
  public record Rule(
      HttpMethod method, String pattern, Access access, List<Role> roles, RequestMatcher matcher) {

    @Override
    public String toString() {
      return (method == null ? "*" : method.name())
          + " "
          + pattern
          + " → "
          + access
          + (roles.isEmpty() ? "" : " " + roles);
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  public AccessRules anyone(HttpMethod method, String... patterns) {
    return add(method, Access.ANYONE, List.of(), patterns);
  }

  public AccessRules signedIn(HttpMethod method, String... patterns) {
    return add(method, Access.SIGNED_IN, List.of(), patterns);
  }

  public AccessRules roles(HttpMethod method, String pattern, Role... roles) {
    if (roles.length == 0) {
      throw new IllegalArgumentException("a role rule names at least one role: " + pattern);
    }
    return add(method, Access.ROLES, Arrays.asList(roles), pattern);
  }

  public AccessRules engine(String... patterns) {
    return add(null, Access.ENGINE, List.of(), patterns);
  }

  public List<Rule> all() {
    return List.copyOf(rules);
  }

  /** The rule deciding the request, if any does (else it is denied). */
  public Optional<Rule> ruleFor(HttpServletRequest request) {
    return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
  }

  /** Requests of the engine's API, which get their own filter chain. */
  RequestMatcher engineRequests() {
    List<RequestMatcher> engine =
        rules.stream().filter(rule -> rule.access() == Access.ENGINE).map(Rule::matcher).toList();
    return engine.isEmpty() ? request -> false : new OrRequestMatcher(engine);
  }

  private AccessRules add(HttpMethod method, Access access, List<Role> roles, String... patterns) {
    for (String pattern : patterns) {
      PathPatternRequestMatcher matcher =
          PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
      rules.add(new Rule(method, pattern, access, List.copyOf(roles), matcher));
    }
    return this;
  }
}
