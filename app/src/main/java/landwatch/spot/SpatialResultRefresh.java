package landwatch.spot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import landwatch.layer.ReferenceLayers;
import landwatch.layer.StaleResults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Recomputes the results of spots last checked against layer versions that are no longer current.
 */
@Service
public class SpatialResultRefresh implements StaleResults {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ReferenceLayers referenceLayers;
  private final SpotRecheck recheck;

  public SpatialResultRefresh(
      JdbcTemplate jdbc,
      ObjectMapper json,
      ReferenceLayers referenceLayers,
      SpotStore spots,
      SpatialCheckService service) {
    this.jdbc = jdbc;
    this.json = json;
    this.referenceLayers = referenceLayers;
    this.recheck = new SpotRecheck(service, spots);
  }

  /**
   * @return how many spots were rechecked
   */
  @Override
  public int refreshStale() {
    List<String> stale =
        jdbc.queryForList(
            "SELECT s.monitoring_code FROM spot s"
                + " JOIN LATERAL (SELECT r.result FROM spot_spatial_result r WHERE r.spot_id = s.id"
                + "   ORDER BY r.id DESC LIMIT 1) current ON true"
                + " WHERE current.result -> 'layerVersions' IS DISTINCT FROM ?::jsonb",
            String.class,
            currentVersions());
    stale.parallelStream().forEach(recheck::recheck);
    return stale.size();
  }

  private String currentVersions() {
    try {
      return json.writeValueAsString(referenceLayers.snapshot().versions());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
