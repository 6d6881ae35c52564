package landwatch.region;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
class RegionController {

  private final RegionService regions;

  RegionController(RegionService regions) {
    this.regions = regions;
  }

  @GetMapping
  List<Region> all() {
    return regions.all();
  }

  @GetMapping("/{code}")
  Region one(@PathVariable String code) {
    return regions.get(code);
  }

  @GetMapping("/{code}/units")
  List<Region> unitsUnder(@PathVariable String code) {
    return regions.unitsUnder(code);
  }

  @GetMapping("/{code}/contains/{other}")
  Map<String, Object> contains(@PathVariable String code, @PathVariable String other) {
    return Map.of("unit", code, "other", other, "within", regions.isWithin(other, code));
  }
}
