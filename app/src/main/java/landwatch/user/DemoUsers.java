package landwatch.user;

import java.util.ArrayList;
import java.util.List;
import landwatch.region.Region;
import landwatch.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile (off by default): one user per role and unit for trying the system —
 * {@code officer-<county>}, {@code contractor-<county>}, {@code reviewer-<city>}, {@code
 * manager-640000} — all with the password {@code landwatch.demo.password}. Users that exist are
 * left alone.
 */
@Component
@Profile("demo")
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final UserAdministration users;
  private final UserStore store;
  private final RegionService regions;
  private final String password;

  DemoUsers(
      UserAdministration users,
      UserStore store,
      RegionService regions,
      @Value("${landwatch.demo.password:landwatch-demo}") String password) {
    this.users = users;
    this.store = store;
    this.regions = regions;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    List<String> created = new ArrayList<>();
    for (Region unit : regions.all()) {
      for (Role role : Role.values()) {
        if (role == Role.ADMIN || !role.fits(unit, regions.isCountyLevel(unit.code()))) {
          continue;
        }
        String username = prefix(role) + "-" + unit.code();
        if (store.find(username).isEmpty()) {
          users.create(
              new NewUser(
                  username, unit.name() + role.label(), unit.code(), List.of(role), password));
          created.add(username);
        }
      }
    }
    if (!created.isEmpty()) {
      LOG.warn(
          "演示模式：已创建 {} 个演示用户（如 officer-640104、reviewer-640100、manager-640000），密码 {}"
              + " / demo profile: created {} demo users, password {}",
          created.size(),
          password,
          created.size(),
          password);
    }
  }

  private static String prefix(Role role) {
    return switch (role) {
      case COUNTY_OFFICER -> "officer";
      case CONTRACTOR -> "contractor";
      case CITY_REVIEWER -> "reviewer";
      case PROVINCE_MANAGER -> "manager";
      case ADMIN -> "admin";
    };
  }
}
