package landwatch.spot.judgment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import landwatch.layer.LayerClass;

/**
 * The named facts about one checked spot that rule conditions and reason templates may use. The
 * catalogue is fixed here so a rule table naming an unknown fact fails at load, not when a spot
 * happens to reach that rule.
 */
public final class CheckFacts {

  /** What kind of value a fact holds. */
  public enum Kind {
    BOOLEAN,
    TEXT,
    NUMBER
  }

  public static final String OCCUPIES_BASIC_FARMLAND = "occupiesBasicFarmland";
  public static final String OCCUPIES_CULTIVATED_LAND = "occupiesCultivatedLand";
  public static final String IN_ECOLOGICAL_RED_LINE = "inEcologicalRedLine";
  public static final String OUTSIDE_URBAN_BOUNDARY = "outsideUrbanBoundary";
  public static final String COVERED_BY_APPROVED_USE = "coveredByApprovedUse";
  public static final String DEMOLISH_AND_RESTORE = "demolishAndRestore";
  public static final String CHANGE_TYPE = "changeType";
  public static final String SPOT_AREA_MU = "spotAreaMu";
  public static final String OUTSIDE_URBAN_BOUNDARY_MU = "outsideUrbanBoundaryMu";
  public static final String UNCOVERED_BY_APPROVED_USE_MU = "uncoveredByApprovedUseMu";
  public static final String OUTSIDE_MINING_RIGHTS_MU = "outsideMiningRightsMu";

  private static final Map<String, Kind> CATALOGUE = buildCatalogue();

  private final Map<String, Object> values;

  private CheckFacts(Map<String, Object> values) {
    this.values = values;
  }

  public static String areaMuOf(LayerClass layerClass) {
    return "areaMu." + layerClass.name();
  }

  public static String shareOf(LayerClass layerClass) {
    return "share." + layerClass.name();
  }

  /** Every fact name and its kind. */
  public static Map<String, Kind> catalogue() {
    return CATALOGUE;
  }

  private static Map<String, Kind> buildCatalogue() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (String flag :
        new String[] {
          OCCUPIES_BASIC_FARMLAND, OCCUPIES_CULTIVATED_LAND, IN_ECOLOGICAL_RED_LINE,
          OUTSIDE_URBAN_BOUNDARY, COVERED_BY_APPROVED_USE, DEMOLISH_AND_RESTORE
        }) {
      kinds.put(flag, Kind.BOOLEAN);
    }
    kinds.put(CHANGE_TYPE, Kind.TEXT);
    kinds.put(SPOT_AREA_MU, Kind.NUMBER);
    kinds.put(OUTSIDE_URBAN_BOUNDARY_MU, Kind.NUMBER);
    kinds.put(UNCOVERED_BY_APPROVED_USE_MU, Kind.NUMBER);
    kinds.put(OUTSIDE_MINING_RIGHTS_MU, Kind.NUMBER);
    for (LayerClass layerClass : LayerClass.values()) {
      kinds.put(areaMuOf(layerClass), Kind.NUMBER);
      kinds.put(shareOf(layerClass), Kind.NUMBER);
    }
    return Collections.unmodifiableMap(kinds);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Object value(String name) {
    return values.get(name);
  }

  /** Collects the values; {@link #build()} insists every catalogued fact has one of its kind. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Builder flag(String name, boolean value) {
      return put(name, value);
    }

    public Builder text(String name, String value) {
      return put(name, Objects.requireNonNullElse(value, ""));
    }

    public Builder number(String name, BigDecimal value) {
      return put(name, value);
    }

    private Builder put(String name, Object value) {
      if (!CATALOGUE.containsKey(name)) {
        throw new IllegalArgumentException("unknown fact " + name);
      }
      values.put(name, value);
      return this;
    }

    public CheckFacts build() {
      for (Map.Entry<String, Kind> fact : CATALOGUE.entrySet()) {
        Object value = values.get(fact.getKey());
        boolean fits =
            switch (fact.getValue()) {
              case BOOLEAN -> value instanceof Boolean;
              case TEXT -> value instanceof String;
              case NUMBER -> value instanceof BigDecimal;
            };
        if (!fits) {
          throw new IllegalStateException(
              "fact " + fact.getKey() + " is missing or of the wrong kind");
        }
      }
      return new CheckFacts(Map.copyOf(values));
    }
  }
}
