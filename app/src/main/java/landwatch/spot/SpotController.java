package landwatch.spot;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import landwatch.app.web.Paging;
import landwatch.region.Region;
import landwatch.region.RegionService;
import landwatch.spot.judgment.Judgment;
import landwatch.user.CurrentUser;
import landwatch.user.Jurisdiction;
import landwatch.user.SignedInUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A spot, only for users whose jurisdiction it lies in; for anyone else it does not exist. */
@RestController
@RequestMapping("/api/spots")
class SpotController {

  private final SpotStore spots;
  private final Jurisdiction jurisdiction;
  private final SpotQueries queries;
  private final RegionService regionService;

  SpotController(
      SpotStore spots,
      Jurisdiction jurisdiction,
      SpotQueries queries,
      RegionService regionService) {
    this.spots = spots;
    this.jurisdiction = jurisdiction;
    this.queries = queries;
    this.regionService = regionService;
  }

  /** Spots in my jurisdiction, filtered, newest batch first. */
  @GetMapping
  SpotListPage list(
      @RequestParam(required = false) Long batch,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) SpotState state,
      @RequestParam(required = false) Judgment judgment,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Boolean mandatoryReview,
      @RequestParam(required = false) Boolean sampled,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, 500);
    SignedInUser user = CurrentUser.get();
    Optional<List<String>> regions = jurisdiction.regionCodes(user);
    if (region != null) {
      List<String> within = new ArrayList<>(List.of(region));
      regionService.unitsUnder(region).stream().map(Region::code).forEach(within::add);
      // a region outside my jurisdiction narrows to nothing, as if it had no spots
      regions =
          Optional.of(
              regions.map(mine -> within.stream().filter(mine::contains).toList()).orElse(within));
    }
    return queries.list(
        new SpotFilter(batch, state, judgment, overdue, mandatoryReview, sampled),
        regions,
        page,
        size);
  }

  /** The spot as issued, with its state, every judgment made on it and its history. */
  @GetMapping("/{monitoringCode}")
  SpotPage details(@PathVariable String monitoringCode) {
    return new SpotPage(visible(monitoringCode), queries.lifecycle(monitoringCode));
  }

  record SpotPage(@JsonUnwrapped SpotDetails spot, @JsonUnwrapped SpotLifecycleView lifecycle) {}

  @GetMapping("/{monitoringCode}/spatial")
  SpotSpatialView spatial(@PathVariable String monitoringCode) {
    visible(monitoringCode);
    return spots
        .currentResult(monitoringCode)
        .map(result -> SpotSpatialView.of(monitoringCode, result))
        .orElseThrow(() -> new SpotNotFoundException(monitoringCode));
  }

  private SpotDetails visible(String monitoringCode) {
    SpotDetails spot =
        spots.details(monitoringCode).orElseThrow(() -> new SpotNotFoundException(monitoringCode));
    SignedInUser user = CurrentUser.get();
    jurisdiction.require(
        user,
        spot.regionCode(),
        "spot " + monitoringCode,
        () -> new SpotNotFoundException(monitoringCode));
    return spot;
  }
}
