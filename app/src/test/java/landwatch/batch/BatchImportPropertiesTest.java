package landwatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchImportPropertiesTest {

  @Test
  void configuredNamesAreTriedAfterTheDefaultsNotInsteadOfThem() {
    AttributeMapping mapping =
        new BatchImportProperties(Map.of(SpotField.MONITORING_CODE, List.of("BH", "图斑号")))
            .mapping();

    assertThat(mapping.aliasesOf(SpotField.MONITORING_CODE))
        .startsWith(
            AttributeMapping.defaults().aliasesOf(SpotField.MONITORING_CODE).toArray(String[]::new))
        .endsWith("BH", "图斑号");
    assertThat(mapping.aliasesOf(SpotField.REGION_CODE))
        .isEqualTo(AttributeMapping.defaults().aliasesOf(SpotField.REGION_CODE));
  }
}
