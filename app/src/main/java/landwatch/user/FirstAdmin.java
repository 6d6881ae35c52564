package landwatch.user;

import java.nio.file.Path;
import java.util.List;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.engine.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start, with no users at all, creates the administrator who creates everyone else.
 * The password is generated, kept owner-only in {@code <landwatch.data-dir>/admin-password} and
 * printed once to the log, unless {@code landwatch.security.initial-admin.password} gives one.
 */
@Component
class FirstAdmin implements InitializingBean {

  static final String PASSWORD_FILE = "admin-password";
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private final UserStore store;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final SecurityProperties.InitialAdmin settings;
  private final Path dataDir;

  FirstAdmin(
      UserStore store,
      PasswordEncoder encoder,
      AuditTrail audit,
      TransactionTemplate transaction,
      SecurityProperties properties,
      @Value("${landwatch.data-dir:./data}") Path dataDir) {
    this.store = store;
    this.encoder = encoder;
    this.audit = audit;
    this.transaction = transaction;
    this.settings = properties.initialAdmin();
    this.dataDir = dataDir;
  }

  @Override
  public void afterPropertiesSet() {
    transaction.executeWithoutResult(
        status -> {
          store.lockAdministration();
          if (store.anyUser()) {
            return;
          }
          String configured = settings.password();
          boolean generated = configured == null || configured.isBlank();
          Path file = dataDir.resolve(PASSWORD_FILE);
          String password = generated ? SecretFile.readOrCreate(file) : configured;
          store.insert(
              settings.username(),
              "系统管理员",
              settings.unit(),
              List.of(Role.ADMIN),
              encoder.encode(password));
          audit.record(
              AuditEntry.done("user.create", "user", settings.username())
                  .after(store.find(settings.username()).orElseThrow().account()));
          if (!generated) {
            LOG.info(
                "首次启动：已以配置的密码创建系统管理员 {} / First start: created the administrator {}"
                    + " with the configured password.",
                settings.username(),
                settings.username());
            return;
          }
          LOG.warn(
              "首次启动：已创建系统管理员 {}，初始密码 {}（另存于 {}，仅本账户可读），请登录后修改。"
                  + " / First start: created the administrator {} with password {} (also kept in {},"
                  + " owner-only); change it after signing in.",
              settings.username(),
              password,
              file.toAbsolutePath(),
              settings.username(),
              password,
              file.toAbsolutePath());
        });
  }
}
