package landwatch.user;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The Chinese sign-in page, from which a signed-in user goes to the web application at {@code /}
 * (src/main/web). Plain HTML with no script, so the Content-Security-Policy holds without
 * exceptions.
 */
@RestController
class SignInPage {

  private final List<ClientRegistration> identityProviders = new ArrayList<>();

  SignInPage(ObjectProvider<ClientRegistrationRepository> repository) {
    if (repository.getIfAvailable() instanceof Iterable<?> registrations) {
      registrations.forEach(
          registration -> identityProviders.add((ClientRegistration) registration));
    }
  }

  @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
  String signIn(
      HttpServletRequest request,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>卫片执法监管平台</h1><p class=\"sub\">Landwatch · 用户登录</p>");
    if (error != null) {
      body.append("<p class=\"error\" role=\"alert\">")
          .append(
              switch (error) {
                case "locked" -> "多次登录失败，账户已临时锁定，请稍后再试。";
                case "disabled" -> "账户已停用，请联系系统管理员。";
                case "sso" -> "统一身份认证登录未被本系统接受（账户未开通、已停用或单位与角色无效），请联系系统管理员。";
                default -> "用户名或密码错误。";
              })
          .append("</p>");
    }
    if (logout != null) {
      body.append("<p class=\"notice\" role=\"status\">您已安全退出。</p>");
    }
    body.append("<form method=\"post\" action=\"")
        .append(escape(request.getContextPath()))
        .append("/login\">")
        .append("<label for=\"username\">用户名</label>")
        .append(
            "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>")
        .append("<label for=\"password\">密码</label>")
        .append(
            "<input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required>")
        .append(csrfField(request))
        .append("<button type=\"submit\">登录</button></form>");
    for (ClientRegistration provider : identityProviders) {
      body.append("<p class=\"sso\"><a href=\"")
          .append(escape(request.getContextPath()))
          .append("/oauth2/authorization/")
          .append(escape(provider.getRegistrationId()))
          .append("\">使用 ")
          .append(escape(provider.getClientName()))
          .append(" 统一身份认证登录</a></p>");
    }
    return page("登录 - 卫片执法监管平台", body.toString());
  }

  private static String csrfField(HttpServletRequest request) {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      return "<input type=\"hidden\" name=\""
          + escape(token.getParameterName())
          + "\" value=\""
          + escape(token.getToken())
          + "\">";
    }
    return "";
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><link rel=\"stylesheet\" href=\"assets/signin.css\"></head><body><main>"
        + body
        + "</main></body></html>";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }
}
