package landwatch.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The administrative tree, immutable once built; jurisdiction questions are answered from it. */
public final class RegionTree {

  private final Map<String, Region> byCode;
  private final Map<String, List<Region>> children;

  public RegionTree(Collection<Region> regions) {
    Map<String, Region> codes = new LinkedHashMap<>();
    Map<String, List<Region>> kids = new LinkedHashMap<>();
    for (Region region : regions) {
      codes.put(region.code(), region);
      kids.computeIfAbsent(region.code(), c -> new ArrayList<>());
    }
    for (Region region : regions) {
      if (region.parentCode() != null) {
        if (!codes.containsKey(region.parentCode())) {
          throw new IllegalArgumentException(
              "region " + region.code() + " names unknown parent " + region.parentCode());
        }
        kids.get(region.parentCode()).add(region);
      }
    }
    this.byCode = Map.copyOf(codes);
    Map<String, List<Region>> frozen = new LinkedHashMap<>();
    kids.forEach((code, list) -> frozen.put(code, List.copyOf(list)));
    this.children = Map.copyOf(frozen);
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(code).map(byCode::get);
  }

  public Region get(String code) {
    return find(code).orElseThrow(() -> new UnknownRegionException(code));
  }

  public List<Region> all() {
    return List.copyOf(byCode.values());
  }

  /** A unit is within itself: an office acts on its own unit and everything below it. */
  public boolean isWithin(String code, String ancestorCode) {
    get(ancestorCode);
    for (Region current = get(code); current != null; current = parent(current)) {
      if (current.code().equals(ancestorCode)) {
        return true;
      }
    }
    return false;
  }

  public List<Region> childrenOf(String code) {
    get(code);
    return children.get(code);
  }

  /** All units strictly below the given one, parents before their children. */
  public List<Region> unitsUnder(String code) {
    List<Region> result = new ArrayList<>();
    List<Region> frontier = new ArrayList<>(childrenOf(code));
    while (!frontier.isEmpty()) {
      Region next = frontier.remove(0);
      result.add(next);
      frontier.addAll(children.get(next.code()));
    }
    return result;
  }

  /** The chain from the province down to the unit itself. */
  public List<Region> pathTo(String code) {
    List<Region> path = new ArrayList<>();
    for (Region current = get(code); current != null; current = parent(current)) {
      path.add(0, current);
    }
    return path;
  }

  private Region parent(Region region) {
    return region.parentCode() == null ? null : byCode.get(region.parentCode());
  }
}
