package landwatch.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalChainTest {

  @Test
  void theDefaultChainHasTheCityEndorseAndTheProvinceDecide() {
    ApprovalChain chain = ApprovalChain.of(List.of("city", " PROVINCE "));
    assertThat(chain).isEqualTo(ApprovalChain.CITY_THEN_PROVINCE);
    assertThat(chain.isLast(ApprovalStep.CITY)).isFalse();
    assertThat(chain.isLast(ApprovalStep.PROVINCE)).isTrue();
    assertThat(chain.names()).containsExactly("CITY", "PROVINCE");
  }

  @Test
  void aSingleLevelMayDecideAlone() {
    assertThat(ApprovalChain.of(List.of("CITY")).isLast(ApprovalStep.CITY)).isTrue();
    assertThat(ApprovalChain.of(List.of("PROVINCE")).names()).containsExactly("PROVINCE");
  }

  @Test
  void anEmptyUnknownRepeatedOrReversedChainIsRefused() {
    assertThatThrownBy(() -> ApprovalChain.of(List.of())).hasMessageContaining("empty");
    assertThatThrownBy(() -> ApprovalChain.of(List.of("COUNTY"))).hasMessageContaining("COUNTY");
    assertThatThrownBy(() -> ApprovalChain.of(List.of("CITY", "CITY")))
        .hasMessageContaining("each level once");
    assertThatThrownBy(() -> ApprovalChain.of(List.of("PROVINCE", "CITY")))
        .hasMessageContaining("the city before the province");
  }
}
