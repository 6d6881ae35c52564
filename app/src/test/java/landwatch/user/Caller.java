package landwatch.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser or a script talking to the running application over real HTTP. Cookies are kept by
 * hand, as a browser keeps them for {@code localhost}: java.net's cookie handling drops Secure
 * cookies over plain http, and the session and CSRF cookies are Secure.
 */
public final class Caller {

  public static final String JSON = "application/json";
  public static final String HTML = "text/html,application/xhtml+xml";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final String authorization;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private Caller(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** Nobody signed in, with an empty cookie jar. */
  public static Caller anonymous(int port) {
    return new Caller("http://127.0.0.1:" + port, null);
  }

  public static Caller basic(int port, String username, String password) {
    String credentials = username + ":" + password;
    return new Caller(
        "http://127.0.0.1:" + port,
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  public static Caller bearer(int port, String token) {
    return new Caller("http://127.0.0.1:" + port, "Bearer " + token);
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public Reply post(String path, Object json, String... headers) {
    return send("POST", path, JSON, json == null ? null : write(json), headers);
  }

  public Reply patch(String path, Object json, String... headers) {
    return send("PATCH", path, JSON, write(json), headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, null, headers);
  }

  /** A form as a browser posts it. */
  public Reply form(String path, Map<String, String> fields, String... headers) {
    String body =
        fields.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return send("POST", path, "application/x-www-form-urlencoded", body, headers);
  }

  /** A request with the given cookie header instead of the jar: to replay an old session. */
  public Reply withCookies(String method, String path, String cookieHeader, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Cookie", cookieHeader);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return exchange(request.build());
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** The {@code Cookie} header the jar sends now. */
  public String cookieHeader() {
    return cookies.entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The CSRF header the web application echoes from the {@code XSRF-TOKEN} cookie. */
  public String[] csrf() {
    return new String[] {
      "X-XSRF-TOKEN",
      cookie("XSRF-TOKEN")
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in " + cookies))
    };
  }

  private Reply send(
      String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType + "; charset=UTF-8");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookieHeader());
    }
    boolean accepts = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      accepts |= headers[i].equalsIgnoreCase("Accept");
    }
    if (!accepts) {
      request.header("Accept", JSON);
    }
    Reply reply = exchange(request.build());
    for (SetCookie cookie : reply.setCookies()) {
      if (cookie.deletes()) {
        cookies.remove(cookie.name());
      } else {
        cookies.put(cookie.name(), cookie.value());
      }
    }
    return reply;
  }

  private static Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String write(Object json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An answer: status, headers and body as sent. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** The problem detail's {@code detail}. */
    public String detail() {
      return json().path("detail").asText();
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public List<SetCookie> setCookies() {
      List<SetCookie> set = new ArrayList<>();
      for (String header : headers.allValues("Set-Cookie")) {
        set.add(SetCookie.parse(header));
      }
      return set;
    }

    public Optional<SetCookie> setCookie(String name) {
      return setCookies().stream().filter(cookie -> cookie.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** One {@code Set-Cookie} header: the cookie and its attributes, names lower-cased. */
  public record SetCookie(String name, String value, Map<String, String> attributes) {

    static SetCookie parse(String header) {
      String[] parts = header.split(";");
      String[] pair = parts[0].split("=", 2);
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String[] attribute = parts[i].strip().split("=", 2);
        attributes.put(
            attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
      }
      return new SetCookie(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "", attributes);
    }

    boolean deletes() {
      return "0".equals(attributes.get("max-age")) || value.isEmpty();
    }

    public boolean has(String attribute) {
      return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    public String attribute(String name) {
      return attributes.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
