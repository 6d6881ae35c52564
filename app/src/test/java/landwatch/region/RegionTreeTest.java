package landwatch.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTreeTest {

  private final RegionTree tree =
      new RegionTree(
          List.of(
              new Region("P", "province", RegionLevel.PROVINCE, null, false),
              new Region("C1", "city 1", RegionLevel.CITY, "P", false),
              new Region("C2", "city 2", RegionLevel.CITY, "P", false),
              new Region("K1", "county 1", RegionLevel.COUNTY, "C1", false),
              new Region("K2", "county 2", RegionLevel.COUNTY, "C2", false)));

  @Test
  void aUnitIsWithinItselfAndItsAncestorsOnly() {
    assertThat(tree.isWithin("K1", "K1")).isTrue();
    assertThat(tree.isWithin("K1", "C1")).isTrue();
    assertThat(tree.isWithin("K1", "P")).isTrue();
    assertThat(tree.isWithin("K1", "C2")).isFalse();
    assertThat(tree.isWithin("C1", "K1")).isFalse();
  }

  @Test
  void unitsUnderListsDescendantsParentsFirst() {
    assertThat(tree.unitsUnder("P"))
        .extracting(Region::code)
        .containsExactly("C1", "C2", "K1", "K2");
    assertThat(tree.unitsUnder("K1")).isEmpty();
  }

  @Test
  void unknownCodesAreRejectedEvenAsTheAncestor() {
    assertThatThrownBy(() -> tree.isWithin("X", "P"))
        .isInstanceOf(UnknownRegionException.class)
        .hasMessageContaining("X");
    assertThatThrownBy(() -> tree.isWithin("K1", "X")).isInstanceOf(UnknownRegionException.class);
    assertThatThrownBy(() -> tree.unitsUnder("X")).isInstanceOf(UnknownRegionException.class);
  }

  @Test
  void aParentThatDoesNotExistIsRefusedWhenBuilding() {
    assertThatThrownBy(
            () ->
                new RegionTree(
                    List.of(new Region("K", "orphan", RegionLevel.COUNTY, "nowhere", false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere");
  }
}
