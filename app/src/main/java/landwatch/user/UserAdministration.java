package landwatch.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.region.Region;
import landwatch.region.RegionService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins' changes to users, each in one transaction with its audit record: create, change unit,
 * roles or name, disable and enable, reset the password. The province is never left without an
 * enabled admin.
 */
@Service
public class UserAdministration {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final String USER = "user";

  private final UserStore store;
  private final RegionService regions;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final SecurityProperties.SignIn signIn;

  UserAdministration(
      UserStore store,
      RegionService regions,
      PasswordEncoder encoder,
      PasswordPolicy policy,
      AuditTrail audit,
      TransactionTemplate transaction,
      SecurityProperties properties) {
    this.store = store;
    this.regions = regions;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
    this.transaction = transaction;
    this.signIn = properties.signIn();
  }

  public IssuedPassword create(NewUser user) {
    if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
      throw UserProblem.invalid(
          "用户名须为 2–64 个小写字母、数字或 . _ -，以字母或数字开头",
          "a username is 2–64 lower-case letters, digits or . _ -, starting with a letter or digit");
    }
    String displayName = displayName(user.displayName());
    List<Role> roles = roles(user.roles(), unit(user.unitCode()));
    boolean generated = user.password() == null;
    String password = generated ? policy.generate() : user.password();
    policy.check(user.username(), password);
    String hash = encoder.encode(password);
    return transaction.execute(
        status -> {
          try {
            store.insert(user.username(), displayName, user.unitCode(), roles, hash);
          } catch (DuplicateKeyException e) {
            throw new UserProblem(
                HttpStatus.CONFLICT,
                "User exists",
                "用户 " + user.username() + " 已存在",
                "user " + user.username() + " exists");
          }
          UserAccount created = account(user.username());
          audit.record(AuditEntry.done("user.create", USER, user.username()).after(created));
          return new IssuedPassword(created, generated ? password : null);
        });
  }

  public UserAccount change(String username, UserChange change) {
    return transaction.execute(
        status -> {
          UserAccount before = lockedAccount(username);
          String unitCode = change.unitCode() == null ? before.unitCode() : change.unitCode();
          String displayName =
              change.displayName() == null
                  ? before.displayName()
                  : displayName(change.displayName());
          List<Role> roles =
              roles(change.roles() == null ? before.roles() : change.roles(), unit(unitCode));
          if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(username);
          }
          store.updateProfile(username, displayName, unitCode, roles);
          UserAccount after = account(username);
          audit.record(AuditEntry.done("user.update", USER, username).before(before).after(after));
          return after;
        });
  }

  public UserAccount setEnabled(String username, boolean enabled) {
    return transaction.execute(
        status -> {
          UserAccount before = lockedAccount(username);
          if (!enabled && before.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin(username);
          }
          store.setEnabled(username, enabled);
          UserAccount after = account(username);
          audit.record(
              AuditEntry.done(enabled ? "user.enable" : "user.disable", USER, username)
                  .before(before)
                  .after(after));
          return after;
        });
  }

  /** A new password chosen by the admin, or generated when {@code password} is null. */
  public IssuedPassword resetPassword(String username, String password) {
    boolean generated = password == null;
    String chosen = generated ? policy.generate() : password;
    policy.check(username, chosen);
    String hash = encoder.encode(chosen);
    return transaction.execute(
        status -> {
          lockedAccount(username);
          store.setPassword(username, hash);
          // A reset follows a forgotten or a stolen password: whoever had it may hold tokens too.
          int revoked = store.revokeTokens(username);
          UserAccount after = account(username);
          audit.record(
              AuditEntry.done("user.password-reset", USER, username)
                  .after(Map.of("passwordChanged", true, "tokensRevoked", revoked)));
          return new IssuedPassword(after, generated ? chosen : null);
        });
  }

  /** A user's own change: the current password proves it is them. */
  public void changeOwnPassword(SignedInUser user, String current, String replacement) {
    if (user.singleSignOn()) {
      throw new UserProblem(
          HttpStatus.CONFLICT,
          "Single sign-on",
          "统一身份认证用户的密码由身份提供方管理",
          "the identity provider keeps the passwords of single sign-on users");
    }
    policy.check(user.username(), replacement);
    UserStore.StoredUser known =
        store.find(user.username()).orElseThrow(() -> UserProblem.notFound(user.username()));
    if (known.account().isLocked(Instant.now())) {
      throw new UserProblem(
          HttpStatus.CONFLICT,
          "Account locked",
          "多次密码错误，账户已临时锁定，请稍后再试",
          "the account is locked after repeated wrong passwords; try again later");
    }
    if (current == null || !encoder.matches(current, known.passwordHash())) {
      // Counted like a wrong sign-in, outside any transaction a refusal rolls back: else this
      // endpoint would let a stolen session guess the password without limit.
      store.countFailure(user.username(), signIn);
      throw UserProblem.invalid("当前密码不正确", "the current password is wrong");
    }
    String hash = encoder.encode(replacement);
    transaction.executeWithoutResult(
        status -> {
          store.findForUpdate(user.username());
          store.setPassword(user.username(), hash);
          audit.record(
              AuditEntry.done("user.password-change", USER, user.username())
                  .after(Map.of("passwordChanged", true)));
        });
  }

  public List<UserAccount> search(String unitCode, Role role, Boolean enabled, int page, int size) {
    return store.search(unitCode, role, enabled, page, size);
  }

  public UserAccount get(String username) {
    return account(username);
  }

  private void requireAnotherAdmin(String username) {
    store.lockAdministration();
    if (store.otherEnabledAdmins(username) == 0) {
      throw new UserProblem(
          HttpStatus.CONFLICT,
          "Last admin",
          "不能停用或撤销最后一位可用的系统管理员",
          "the last enabled admin can be neither disabled nor lose the role");
    }
  }

  private UserAccount lockedAccount(String username) {
    return store
        .findForUpdate(username)
        .map(UserStore.StoredUser::account)
        .orElseThrow(() -> UserProblem.notFound(username));
  }

  private UserAccount account(String username) {
    return store
        .find(username)
        .map(UserStore.StoredUser::account)
        .orElseThrow(() -> UserProblem.notFound(username));
  }

  private Region unit(String unitCode) {
    if (unitCode == null || !regions.exists(unitCode)) {
      throw UserProblem.invalid("单位代码无效：" + unitCode, "unknown unit: " + unitCode);
    }
    return regions.get(unitCode);
  }

  private List<Role> roles(List<Role> requested, Region unit) {
    // not contains(null): an immutable list (List.of, as the demo users pass) throws on it
    if (requested == null || requested.isEmpty() || requested.stream().anyMatch(Objects::isNull)) {
      throw UserProblem.invalid("至少需要一个角色", "a user needs at least one role");
    }
    boolean judgesItself = regions.isCountyLevel(unit.code());
    for (Role role : requested) {
      if (!role.fits(unit, judgesItself)) {
        throw UserProblem.invalid(
            "角色“" + role.label() + "”不适用于单位 " + unit.name() + "（" + unit.code() + "）",
            "role " + role + " does not fit unit " + unit.code());
      }
    }
    return List.copyOf(EnumSet.copyOf(requested));
  }

  private static String displayName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 64) {
      throw UserProblem.invalid("姓名须为 1–64 个字符", "a display name has 1–64 characters");
    }
    return name.strip();
  }
}
