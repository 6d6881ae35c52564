package landwatch.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import landwatch.audit.AuditTrail;
import landwatch.region.Region;
import landwatch.region.RegionLevel;
import landwatch.region.RegionService;
import org.springframework.stereotype.Service;

/**
 * What a user may see and act on: objects of their unit and the units below it (DOMAIN.md "Who").
 * An object outside answers as if it did not exist, so that nobody learns what another county has;
 * the refusal is still audited.
 */
@Service
public class Jurisdiction {

  private final RegionService regions;

  Jurisdiction(RegionService regions) {
    this.regions = regions;
  }

  public boolean covers(SignedInUser user, String regionCode) {
    return regions.exists(regionCode) && regions.isWithin(regionCode, user.unitCode());
  }

  /**
   * The region codes the user's jurisdiction spans, for narrowing a query; empty for the province,
   * which spans everything.
   */
  public Optional<List<String>> regionCodes(SignedInUser user) {
    if (user.unit().level() == RegionLevel.PROVINCE) {
      return Optional.empty();
    }
    List<String> codes = new ArrayList<>();
    codes.add(user.unitCode());
    regions.unitsUnder(user.unitCode()).stream().map(Region::code).forEach(codes::add);
    return Optional.of(codes);
  }

  /**
   * Lets the request go on only if the object's region is within the user's jurisdiction; else
   * throws what a missing object throws.
   */
  public <X extends RuntimeException> void require(
      SignedInUser user, String regionCode, String object, Supplier<X> notFound) {
    if (!covers(user, regionCode)) {
      AuditTrail.refusing(
          "outside jurisdiction / 超出管辖范围: "
              + object
              + " of "
              + regionCode
              + " for unit "
              + user.unitCode());
      throw notFound.get();
    }
  }
}
