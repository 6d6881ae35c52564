package landwatch.spot;

import landwatch.user.CurrentUser;
import landwatch.user.Jurisdiction;
import landwatch.user.SignedInUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A spot, only for users whose jurisdiction it lies in; for anyone else it does not exist. */
@RestController
@RequestMapping("/api/spots")
class SpotController {

  private final SpotStore spots;
  private final Jurisdiction jurisdiction;

  SpotController(SpotStore spots, Jurisdiction jurisdiction) {
    this.spots = spots;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/{monitoringCode}")
  SpotDetails details(@PathVariable String monitoringCode) {
    return visible(monitoringCode);
  }

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
