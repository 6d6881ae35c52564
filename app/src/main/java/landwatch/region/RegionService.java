package landwatch.region;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Loads the tree once: it is reference data that only a migration changes. */
@Service
public class RegionService {

  private final RegionTree tree;

  public RegionService(JdbcTemplate jdbc) {
    this.tree =
        new RegionTree(
            jdbc.query(
                "SELECT code, name, level, parent_code, code_scheme FROM region ORDER BY code",
                (rs, row) ->
                    new Region(
                        rs.getString("code"),
                        rs.getString("name"),
                        RegionLevel.valueOf(rs.getString("level")),
                        rs.getString("parent_code"),
                        "LOCAL".equals(rs.getString("code_scheme")))));
  }

  public Region get(String code) {
    return tree.get(code);
  }

  public boolean exists(String code) {
    return tree.find(code).isPresent();
  }

  /**
   * Whether the unit is one that verifies and judges spots itself: a county-level unit, or 宁东,
   * which has no units below it. Spots are issued to these, never to a city or the province.
   */
  public boolean isCountyLevel(String code) {
    return exists(code)
        && tree.childrenOf(code).isEmpty()
        && tree.get(code).level() != RegionLevel.PROVINCE;
  }

  public List<Region> all() {
    return tree.all();
  }

  public boolean isWithin(String code, String ancestorCode) {
    return tree.isWithin(code, ancestorCode);
  }

  public List<Region> unitsUnder(String code) {
    return tree.unitsUnder(code);
  }

  public List<Region> pathTo(String code) {
    return tree.pathTo(code);
  }
}
