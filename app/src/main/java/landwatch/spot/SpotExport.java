package landwatch.spot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import landwatch.region.RegionService;
import landwatch.spot.judgment.Judgment;

/** The spot list as offices file it: Chinese headers, codes and names side by side. */
final class SpotExport {

  static final List<String> HEADERS =
      List.of(
          "图斑编号", "批次", "区县代码", "区县", "变化类型", "面积（亩）", "办理状态", "县级截止日期", "省级截止日期", "逾期", "迟报", "必审",
          "抽中审核", "最终判定", "判定依据", "填报时间");

  private SpotExport() {}

  static List<Object> row(SpotListItem spot, RegionService regions) {
    return Arrays.asList(
        spot.monitoringCode(),
        spot.batchId(),
        spot.regionCode(),
        regions.exists(spot.regionCode()) ? regions.get(spot.regionCode()).name() : null,
        spot.changeType(),
        spot.areaMu(),
        stateName(spot.state()),
        spot.countyDue(),
        spot.provinceDue(),
        yes(spot.overdue()),
        yes(spot.late()),
        yes(spot.mandatoryReview()),
        yes(spot.sampled()),
        spot.finalJudgment() == null ? null : Judgment.valueOf(spot.finalJudgment()).chineseName(),
        basisName(spot.finalBasis()),
        spot.reportedAt() == null ? null : spot.reportedAt().toLocalDateTime().toString());
  }

  /** The filters line under the title: what the rows were chosen by. */
  static String filters(SpotFilter filter, String regionName) {
    List<String> parts = new ArrayList<>();
    if (filter.batch() != null) {
      parts.add("批次 " + filter.batch());
    }
    if (regionName != null) {
      parts.add("区域 " + regionName);
    }
    if (filter.state() != null) {
      parts.add("状态 " + stateName(filter.state()));
    }
    if (filter.judgment() != null) {
      parts.add("最终判定 " + filter.judgment().chineseName());
    }
    if (filter.overdue() != null) {
      parts.add(filter.overdue() ? "逾期" : "未逾期");
    }
    if (filter.mandatoryReview() != null) {
      parts.add(filter.mandatoryReview() ? "必审" : "非必审");
    }
    if (filter.sampled() != null) {
      parts.add(filter.sampled() ? "抽中审核" : "未抽中");
    }
    return "筛选：" + (parts.isEmpty() ? "全部" : String.join("，", parts));
  }

  static String stateName(SpotState state) {
    return switch (state) {
      case ISSUED -> "已下发";
      case VERIFICATION -> "待核实";
      case JUDGMENT -> "待判定填报";
      case CITY_REVIEW -> "市级审核中";
      case PROVINCE_REVIEW -> "省级复核中";
      case CORRECTION -> "退回待纠正";
      case DIRECT_JUDGMENT -> "待直接判定";
      case CONCLUDED -> "已办结";
    };
  }

  private static String basisName(String basis) {
    if (basis == null) {
      return null;
    }
    return switch (basis) {
      case "COUNTY" -> "县级判定";
      case "CITY_DIRECT" -> "市级直接判定";
      case "PROVINCE_DIRECT" -> "省级直接判定";
      default -> basis;
    };
  }

  private static String yes(boolean value) {
    return value ? "是" : "否";
  }
}
