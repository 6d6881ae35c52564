package landwatch.user;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import landwatch.audit.AuditRequestFilter;
import landwatch.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. The engine's {@code /v2} has a chain of its own that leaves it to the
 * engine's credentials. Everything else: sign-in by session (the form, or the identity provider
 * when one is configured) with CSRF protection, or by {@code Authorization} (HTTP basic, bearer
 * token) for scripts; each request is let through only by a rule some feature declared ({@link
 * EndpointAccess}), anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  /**
   * No observation around each security filter: the engine's API alone takes thousands of requests
   * a minute when a batch starts, and authentication and refusals are audited and counted anyway.
   * Requests are still timed as a whole ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder(SecurityProperties properties) {
    return new BCryptPasswordEncoder(properties.passwordHashStrength());
  }

  /** Every refused authentication is an event, so that it is audited and counted. */
  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
    DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
    publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
    return publisher;
  }

  @Bean
  AccessRules accessRules(List<EndpointAccess> features) {
    AccessRules rules = new AccessRules();
    features.forEach(feature -> feature.declare(rules));
    return rules;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineApi(HttpSecurity http, AccessRules rules, AuditTrail audit)
      throws Exception {
    return http.securityMatcher(rules.engineRequests())
        .addFilterAfter(AuditRequestFilter.refusalsOnly(audit), AuthorizationFilter.class)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain application(
      HttpSecurity http,
      AccessRules rules,
      SecurityProblems problems,
      SignInResponses responses,
      UserAccounts accounts,
      ApiTokens tokens,
      SingleSignOnUsers singleSignOn,
      AuthenticationEventPublisher events,
      AuditTrail audit,
      ServerProperties server,
      ObjectProvider<JwtDecoder> jwtDecoder,
      ObjectProvider<ClientRegistrationRepository> identityProviders)
      throws Exception {
    http.authorizeHttpRequests(
        authorize -> {
          for (AccessRules.Rule rule : rules.all()) {
            var matched = authorize.requestMatchers(rule.matcher());
            switch (rule.access()) {
              case ANYONE, ENGINE -> matched.permitAll();
              case SIGNED_IN -> matched.authenticated();
              case ROLES ->
                  matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
          }
          authorize.anyRequest().denyAll();
        });
    http.formLogin(
        form -> form.loginPage("/login").successHandler(responses).failureHandler(responses));
    http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
    AuthenticationManager bearer =
        BearerTokens.manager(tokens, jwtDecoder.getIfAvailable(), singleSignOn, events);
    http.oauth2ResourceServer(
        resource ->
            resource
                .authenticationManagerResolver(request -> bearer)
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
    if (identityProviders.getIfAvailable() != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .userInfoEndpoint(info -> info.oidcUserService(oidcUsers(singleSignOn)))
                  .successHandler(responses)
                  .failureHandler(responses));
    }
    HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
    pagesOnly.setRequestMatcher(SecurityProblems::isPageVisit);
    http.requestCache(cache -> cache.requestCache(pagesOnly));
    http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(responses));
    http.csrf(
        csrf ->
            csrf.csrfTokenRepository(csrfCookies(server))
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(SecurityConfiguration::needsNoCsrfToken));
    http.exceptionHandling(
        exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(
                    referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    http.addFilterAfter(
        new SessionUserRefresh(accounts, singleSignOn), SecurityContextHolderFilter.class);
    http.addFilterAfter(new CsrfCookie(), CsrfFilter.class);
    http.addFilterAfter(AuditRequestFilter.everyChange(audit), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * CSRF rides on credentials a browser adds by itself: the session cookie. A request carrying its
   * own {@code Authorization} (browsers never hold basic credentials for this site, as no Basic
   * challenge is ever sent), or no session at all, has none to ride on, and is answered 401 rather
   * than 403 when it lacks sign-in. Signing in and out always need the token (login CSRF).
   */
  private static boolean needsNoCsrfToken(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getRequestedSessionId() == null
        && !path.equals("/login")
        && !path.equals("/logout");
  }

  /** The token in a cookie the web application reads and echoes in {@code X-XSRF-TOKEN}. */
  private static CookieCsrfTokenRepository csrfCookies(ServerProperties server) {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    Boolean secure = server.getServlet().getSession().getCookie().getSecure();
    repository.setCookieCustomizer(
        cookie -> {
          cookie.sameSite("Lax");
          if (secure != null) {
            cookie.secure(secure);
          }
        });
    return repository;
  }

  private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(
      SingleSignOnUsers singleSignOn) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser oidc = provider.loadUser(request);
      try {
        return new SsoUser(oidc, singleSignOn.fromClaims(oidc.getClaims()));
      } catch (AuthenticationException e) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error("access_denied", e.getMessage(), null), e);
      }
    };
  }

  /** Writes the CSRF cookie on every response, so a page always has a token to send. */
  private static final class CsrfCookie extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, java.io.IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
