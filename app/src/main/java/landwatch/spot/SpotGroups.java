package landwatch.spot;

import landwatch.region.Region;
import landwatch.region.RegionLevel;
import landwatch.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a spot's units (processes/README.md): its county's officers, the city
 * that reviews it — the nearest city-level unit at or above the county, so 宁东 reviews its own — and
 * the province's managers.
 */
@Component
public class SpotGroups {

  public static final String PROVINCE_MANAGERS = "province:640000:manager";

  private final RegionService regions;

  SpotGroups(RegionService regions) {
    this.regions = regions;
  }

  public String cityOf(String countyCode) {
    return regions.pathTo(countyCode).stream()
        .filter(region -> region.level() == RegionLevel.CITY)
        .map(Region::code)
        .reduce((upper, lower) -> lower)
        .orElseThrow(() -> new IllegalArgumentException("no city above region " + countyCode));
  }

  public static String countyOfficers(String countyCode) {
    return "county:" + countyCode + ":officer";
  }

  public static String cityReviewers(String cityCode) {
    return "city:" + cityCode + ":reviewer";
  }
}
