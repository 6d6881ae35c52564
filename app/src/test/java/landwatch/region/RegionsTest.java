package landwatch.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import landwatch.app.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The tree as the migration writes it into the real database, and as the API answers it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionsTest {

  @Autowired RegionService regions;
  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Test
  void theProvinceHasFiveCitiesTwentyTwoCountiesAndNingdong() {
    List<Region> all = regions.all();
    assertThat(all).hasSize(1 + 5 + 22 + 1);
    assertThat(all)
        .filteredOn(r -> r.level() == RegionLevel.PROVINCE)
        .extracting(Region::code)
        .containsExactly("640000");
    assertThat(all)
        .filteredOn(r -> r.level() == RegionLevel.CITY)
        .extracting(Region::name)
        .containsExactlyInAnyOrder("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市", "宁东能源化工基地");
    assertThat(all).filteredOn(r -> r.level() == RegionLevel.COUNTY).hasSize(22);
  }

  @Test
  void everyCountyHangsUnderTheCityItsCodeNames() {
    for (Region county : regions.all()) {
      if (county.level() == RegionLevel.COUNTY) {
        assertThat(county.parentCode()).isEqualTo(county.code().substring(0, 4) + "00");
        assertThat(county.localCode()).isFalse();
      }
    }
    assertThat(regions.get("640181").name()).isEqualTo("灵武市");
    assertThat(regions.get("640303").name()).isEqualTo("红寺堡区");
    assertThat(regions.unitsUnder("640100"))
        .extracting(Region::code)
        .containsExactly("640104", "640105", "640106", "640121", "640122", "640181");
    assertThat(regions.unitsUnder("640200")).hasSize(3);
    assertThat(regions.unitsUnder("640300")).hasSize(5);
    assertThat(regions.unitsUnder("640400")).hasSize(5);
    assertThat(regions.unitsUnder("640500")).hasSize(3);
  }

  @Test
  void ningdongCarriesAMarkedLocalCodeDirectlyUnderTheProvince() {
    Region ningdong = regions.get("649900");
    assertThat(ningdong.localCode()).isTrue();
    assertThat(ningdong.parentCode()).isEqualTo("640000");
    assertThat(regions.unitsUnder("649900")).isEmpty();
  }

  @Test
  void containmentFollowsTheTree() {
    assertThat(regions.isWithin("640104", "640100")).isTrue();
    assertThat(regions.isWithin("640104", "640000")).isTrue();
    assertThat(regions.isWithin("640104", "640200")).isFalse();
    assertThat(regions.isWithin("649900", "640000")).isTrue();
    assertThat(regions.isWithin("640000", "640100")).isFalse();
    assertThat(regions.pathTo("640522"))
        .extracting(Region::code)
        .containsExactly("640000", "640500", "640522");
  }

  @Test
  void anUnknownCodeIsAClearError() {
    assertThatThrownBy(() -> regions.isWithin("640199", "640100"))
        .isInstanceOf(UnknownRegionException.class)
        .hasMessageContaining("640199");
  }

  @Test
  @SuppressWarnings("rawtypes")
  void theApiAnswersAnUnknownCodeWithAProblemDetail() {
    ResponseEntity<Map> response = http.getForEntity("/api/regions/640199", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("code", "640199");
    assertThat((String) response.getBody().get("detail")).contains("未知的行政区代码");
  }

  @Test
  @SuppressWarnings("rawtypes")
  void theApiAnswersContainment() {
    ResponseEntity<Map> inside =
        http.getForEntity("/api/regions/640300/contains/640323", Map.class);
    assertThat(inside.getBody()).containsEntry("within", true);
    ResponseEntity<Map> outside =
        http.getForEntity("/api/regions/640300/contains/640402", Map.class);
    assertThat(outside.getBody()).containsEntry("within", false);
  }
}
