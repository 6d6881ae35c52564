package landwatch.user;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code landwatch.security.*}: sign-in, tokens and single sign-on.
 *
 * @param passwordHashStrength BCrypt's log2 rounds: 10 costs about 0.1 s a sign-in
 * @param initialAdmin the administrator created on first start, when there are no users
 */
@ConfigurationProperties("landwatch.security")
public record SecurityProperties(
    @DefaultValue("10") int passwordHashStrength,
    @DefaultValue("10") int minPasswordLength,
    @DefaultValue SignIn signIn,
    @DefaultValue Tokens tokens,
    @DefaultValue InitialAdmin initialAdmin,
    @DefaultValue Oidc oidc) {

  /** Lock-out: after {@code maxFailures} wrong passwords in a row, no sign-in for the duration. */
  public record SignIn(
      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration) {}

  public record Tokens(
      @DefaultValue("30d") Duration defaultValidity, @DefaultValue("365d") Duration maxValidity) {}

  /** {@code password}: set it to provision from a secret store; else one is generated. */
  public record InitialAdmin(
      @DefaultValue("admin") String username,
      @DefaultValue("640000") String unit,
      String password) {}

  /**
   * How the identity provider's claims name a user's unit and roles. {@code roleMapping} maps the
   * provider's role names to ours where they differ (unmapped names are taken as ours).
   */
  public record Oidc(
      @DefaultValue("preferred_username") String usernameClaim,
      @DefaultValue("name") String displayNameClaim,
      @DefaultValue("landwatch_unit") String unitClaim,
      @DefaultValue("landwatch_roles") String rolesClaim,
      Map<String, Role> roleMapping) {

    public Oidc {
      roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
  }
}
