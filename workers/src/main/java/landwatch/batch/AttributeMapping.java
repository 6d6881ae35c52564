package landwatch.batch;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which file attribute holds which spot field. Names are matched case-insensitively, the first
 * alias present in a feature wins. Field names differ between the Ministry's issuing years and the
 * tools that re-export the files (DBF names are at most 10 bytes, so Chinese names of more than
 * five characters are truncated), hence the aliases.
 *
 * @param aliases candidate attribute names per field, in order of preference
 * @param mandatory fields a spot is rejected without
 */
public record AttributeMapping(Map<SpotField, List<String>> aliases, Set<SpotField> mandatory) {

  public AttributeMapping {
    aliases = Map.copyOf(aliases);
    mandatory = Set.copyOf(mandatory);
    for (SpotField field : SpotField.values()) {
      if (aliases.getOrDefault(field, List.of()).isEmpty()) {
        throw new IllegalArgumentException("no attribute name for " + field);
      }
    }
  }

  /**
   * The Ministry's usual names (pinyin initials as in the land-survey data standards, and the
   * Chinese names that ArcGIS users type). The change type is mandatory because the judgment rules
   * depend on it (新增非农建设类 and 年度内持续变化类 may not generally be judged "other").
   */
  public static AttributeMapping defaults() {
    Map<SpotField, List<String>> aliases = new EnumMap<>(SpotField.class);
    aliases.put(SpotField.MONITORING_CODE, List.of("JCBH", "监测编号", "TBBH", "图斑编号"));
    aliases.put(
        SpotField.REGION_CODE, List.of("XZQDM", "行政区代码", "XZQHDM", "行政区划代码", "XZQBM", "QHDM"));
    aliases.put(SpotField.REPORTED_AREA, List.of("TBMJ", "图斑面积", "JCMJ", "监测面积"));
    aliases.put(SpotField.IMAGERY_BEFORE, List.of("QSX", "前时相", "QSXSJ", "QSXRQ"));
    aliases.put(SpotField.IMAGERY_AFTER, List.of("HSX", "后时相", "HSXSJ", "HSXRQ"));
    aliases.put(SpotField.CHANGE_TYPE, List.of("BHLX", "变化类型", "TBLX", "图斑类型"));
    return new AttributeMapping(
        aliases,
        EnumSet.of(SpotField.MONITORING_CODE, SpotField.REGION_CODE, SpotField.CHANGE_TYPE));
  }

  /** A copy where {@code field} is read from the given names instead. */
  public AttributeMapping withAliases(SpotField field, String... names) {
    Map<SpotField, List<String>> changed = new EnumMap<>(aliases);
    changed.put(field, Arrays.asList(names));
    return new AttributeMapping(changed, mandatory);
  }

  /** A copy with a different set of mandatory fields. */
  public AttributeMapping withMandatory(Set<SpotField> fields) {
    return new AttributeMapping(aliases, fields);
  }

  public List<String> aliasesOf(SpotField field) {
    return aliases.get(field);
  }
}
