package landwatch.spot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/spots")
class SpotController {

  private final SpotStore spots;

  SpotController(SpotStore spots) {
    this.spots = spots;
  }

  @GetMapping("/{monitoringCode}")
  SpotDetails details(@PathVariable String monitoringCode) {
    return spots
        .details(monitoringCode)
        .orElseThrow(() -> new SpotNotFoundException(monitoringCode));
  }

  @GetMapping("/{monitoringCode}/spatial")
  SpotSpatialView spatial(@PathVariable String monitoringCode) {
    return spots
        .currentResult(monitoringCode)
        .map(result -> SpotSpatialView.of(monitoringCode, result))
        .orElseThrow(() -> new SpotNotFoundException(monitoringCode));
  }
}
