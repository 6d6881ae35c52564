package landwatch.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.ImportError;
import landwatch.spatial.io.PolygonCheck;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.Reason;

/**
 * Validates a spot batch as the Ministry issued it. All or nothing: a batch with a single bad spot
 * is rejected whole, and the report lists every problem of every spot, so that the office fixes the
 * file once.
 */
public final class SpotBatchValidator {

  /** What the spot store holds: longer codes or larger areas would fail there, not here. */
  static final int MAX_MONITORING_CODE_LENGTH = 64;

  static final BigDecimal MAX_REPORTED_AREA = new BigDecimal("999999999999.99");

  private final AttributeMapping mapping;
  private final PolygonCheck polygonCheck;
  private final Predicate<String> countyLevelUnit;
  private final Predicate<String> alreadyImported;

  /**
   * @param countyLevelUnit whether a (6-digit) region code is one of the province's units that
   *     verify spots: the county-level units, and 宁东
   * @param alreadyImported whether a monitoring code was stored by an earlier batch
   */
  public SpotBatchValidator(
      AttributeMapping mapping,
      ProvinceExtent extent,
      Predicate<String> countyLevelUnit,
      Predicate<String> alreadyImported) {
    this.mapping = mapping;
    this.polygonCheck = new PolygonCheck(extent);
    this.countyLevelUnit = countyLevelUnit;
    this.alreadyImported = alreadyImported;
  }

  public BatchValidation validate(List<Feature> features) {
    if (features.isEmpty()) {
      return new BatchValidation(
          List.of(),
          List.of(new Reason("批次中没有图斑", "the batch contains no spots").at(-1, null, null)));
    }
    List<IssuedSpot> spots = new ArrayList<>(features.size());
    List<ImportError> errors = new ArrayList<>();
    Map<String, Integer> firstIndexOfCode = new HashMap<>();
    for (Feature feature : features) {
      SpotReading reading = new SpotReading(feature);
      reading.read();
      reading.checkUniqueness(firstIndexOfCode);
      errors.addAll(reading.errors);
      if (reading.errors.isEmpty()) {
        spots.add(reading.spot());
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(ImportError::index));
      return new BatchValidation(List.of(), errors);
    }
    return new BatchValidation(spots, List.of());
  }

  /** The reading of one feature, collecting its problems rather than stopping at the first. */
  private final class SpotReading {
    private final Feature feature;
    private final Map<String, String> namesByLowerCase = new HashMap<>();
    private final List<ImportError> errors = new ArrayList<>();
    private String code;
    private String region;
    private BigDecimal area;
    private LocalDate before;
    private LocalDate after;
    private String changeType;
    private PolygonCheck.Outcome geometry;

    SpotReading(Feature feature) {
      this.feature = feature;
      feature
          .attributes()
          .keySet()
          .forEach(
              name -> namesByLowerCase.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name));
    }

    void read() {
      code = AttributeValues.text(present(SpotField.MONITORING_CODE));
      region = AttributeValues.text(present(SpotField.REGION_CODE));
      changeType = AttributeValues.text(present(SpotField.CHANGE_TYPE));
      area =
          parsed(
              SpotField.REPORTED_AREA,
              AttributeValues::decimal,
              new Reason("图斑面积不是有效数字", "reported area is not a number"));
      before =
          parsed(
              SpotField.IMAGERY_BEFORE,
              AttributeValues::date,
              new Reason("前时相日期无法识别", "earlier imagery date is not a date"));
      after =
          parsed(
              SpotField.IMAGERY_AFTER,
              AttributeValues::date,
              new Reason("后时相日期无法识别", "later imagery date is not a date"));
      if (area != null && area.signum() < 0) {
        fail(SpotField.REPORTED_AREA, new Reason("图斑面积为负数", "reported area is negative"));
      }
      if (before != null && after != null && before.isAfter(after)) {
        fail(
            SpotField.IMAGERY_AFTER,
            new Reason("后时相早于前时相", "later imagery date precedes the earlier one"));
      }
      if (code != null && code.length() > MAX_MONITORING_CODE_LENGTH) {
        fail(
            SpotField.MONITORING_CODE,
            new Reason(
                "监测编号超过 " + MAX_MONITORING_CODE_LENGTH + " 个字符",
                "monitoring code is longer than " + MAX_MONITORING_CODE_LENGTH + " characters"));
      }
      if (area != null && area.abs().compareTo(MAX_REPORTED_AREA) > 0) {
        fail(
            SpotField.REPORTED_AREA,
            new Reason(
                "图斑面积超出范围：" + area.toPlainString(),
                "reported area is out of range: " + area.toPlainString()));
      }
      if (region != null) {
        region = countyLevel(region);
        if (!countyLevelUnit.test(region)) {
          fail(
              SpotField.REGION_CODE,
              new Reason(
                  "行政区代码 " + region + " 不是本省的县级单位",
                  "region code " + region + " is not a county-level unit of the province"));
        }
      }
      geometry = polygonCheck.check(feature.geometry());
      geometry
          .failures()
          .forEach(reason -> errors.add(reason.at(feature.index(), code, ImportError.GEOMETRY)));
    }

    void checkUniqueness(Map<String, Integer> firstIndexOfCode) {
      if (code == null) {
        return;
      }
      Integer first = firstIndexOfCode.putIfAbsent(code, feature.index());
      if (first != null) {
        fail(
            SpotField.MONITORING_CODE,
            new Reason(
                "监测编号 " + code + " 与本批次第 " + first + " 个要素重复",
                "monitoring code " + code + " duplicates feature " + first + " of this batch"));
      } else if (alreadyImported.test(code)) {
        fail(
            SpotField.MONITORING_CODE,
            new Reason(
                "监测编号 " + code + " 已在以往批次中导入",
                "monitoring code " + code + " was imported in an earlier batch"));
      }
    }

    IssuedSpot spot() {
      return new IssuedSpot(
          feature.index(),
          code,
          region,
          geometry.geometry(),
          area,
          before,
          after,
          changeType,
          geometry.repairs(),
          feature.attributes());
    }

    /** The value of a field; reports it when mandatory and absent or blank. */
    private Object present(SpotField field) {
      Object value = value(field);
      if (AttributeValues.text(value) == null && mapping.mandatory().contains(field)) {
        fail(
            field,
            new Reason(
                "缺少必填属性“" + field.chineseName() + "”",
                "mandatory attribute " + field.name().toLowerCase(Locale.ROOT) + " is missing"));
      }
      return value;
    }

    private <T> T parsed(SpotField field, Function<Object, Optional<T>> parse, Reason unparseable) {
      Object value = present(field);
      if (AttributeValues.text(value) == null) {
        return null;
      }
      Optional<T> parsed = parse.apply(value);
      if (parsed.isEmpty()) {
        fail(
            field,
            new Reason(unparseable.chinese() + "：" + value, unparseable.english() + ": " + value));
      }
      return parsed.orElse(null);
    }

    private Object value(SpotField field) {
      String name = fileName(field);
      return name == null ? null : feature.attributes().get(name);
    }

    /** The attribute's name as this feature spells it, or null when it has none of them. */
    private String fileName(SpotField field) {
      for (String alias : mapping.aliasesOf(field)) {
        String name = namesByLowerCase.get(alias.toLowerCase(Locale.ROOT));
        if (name != null) {
          return name;
        }
      }
      return null;
    }

    private void fail(SpotField field, Reason reason) {
      String name = fileName(field);
      errors.add(
          reason.at(feature.index(), code, name != null ? name : mapping.aliasesOf(field).get(0)));
    }
  }

  /**
   * Township-level codes (9 or 12 digits, as some re-exports carry) name their county in the first
   * six digits.
   */
  private static String countyLevel(String code) {
    return code.length() > 6 && code.chars().allMatch(Character::isDigit)
        ? code.substring(0, 6)
        : code;
  }
}
