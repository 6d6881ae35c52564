package landwatch.user;

import java.util.Optional;
import landwatch.region.Region;
import landwatch.region.RegionLevel;

/**
 * What a user may do (DOMAIN.md "Who"). Each role belongs to units of one kind, and gives the BPMN
 * candidate group its tasks are offered to (processes/README.md), so models never name people.
 */
public enum Role {
  /** Verifies, judges and reports the county's spots, corrects them, handles its cases. */
  COUNTY_OFFICER("县级执法人员"),
  /** A third-party service assisting the county's field verification; never judges. */
  CONTRACTOR("第三方核查人员"),
  /** Desk review, field spot-check, return for correction, direct judgment. */
  CITY_REVIEWER("市级审核人员"),
  /** Oversight, extension approval, escalation, quota freeze and unfreeze, warnings. */
  PROVINCE_MANAGER("自治区管理人员"),
  /** Users, reference layers, batches, engine operations. */
  ADMIN("系统管理员");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether a user of the unit may hold the role. 宁东 is a city-level unit without counties: its own
   * office verifies and judges, so it holds the county roles as well as the city's.
   */
  public boolean fits(Region unit, boolean judgesItself) {
    return switch (this) {
      case COUNTY_OFFICER, CONTRACTOR -> judgesItself;
      case CITY_REVIEWER -> unit.level() == RegionLevel.CITY;
      case PROVINCE_MANAGER, ADMIN -> unit.level() == RegionLevel.PROVINCE;
    };
  }

  /** The candidate group of the role's user tasks in the unit; admins have none. */
  public Optional<String> group(Region unit) {
    return switch (this) {
      case COUNTY_OFFICER -> Optional.of("county:" + unit.code() + ":officer");
      case CONTRACTOR -> Optional.of("county:" + unit.code() + ":contractor");
      case CITY_REVIEWER -> Optional.of("city:" + unit.code() + ":reviewer");
      case PROVINCE_MANAGER -> Optional.of("province:" + unit.code() + ":manager");
      case ADMIN -> Optional.empty();
    };
  }

  /** The Spring Security authority, {@code ROLE_COUNTY_OFFICER}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
