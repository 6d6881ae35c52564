package landwatch.app.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature rule of the README's "Layout" section, on the workers' and the app's classes
 * together: a package present in both jars is one feature. Sub-packages belong to their feature
 * ({@code spatial.io} is {@code spatial}, {@code spot.judgment} is {@code spot}).
 */
class FeatureDependencyTest {

  /** Top to bottom: a feature may use the ones after it, never one before it. */
  static final List<String> FEATURES =
      List.of(
          "task",
          "map",
          "upload",
          "operations",
          "extension",
          "batch",
          "review",
          "spot",
          "layer",
          "user",
          "audit",
          "region",
          "spatial",
          "deadline",
          "app");

  static JavaClasses classes;

  @BeforeAll
  static void importWorkersAndApp() {
    classes = CompiledModules.of("workers", "app");
  }

  @Test
  void featuresFormNoCycles() {
    slices()
        .matching("landwatch.(*)..")
        .namingSlices("feature $1")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void aFeatureUsesOnlyTheFeaturesBelowIt() {
    LayeredArchitecture features = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String feature : FEATURES) {
      features = features.layer(feature).definedBy("landwatch." + feature + "..");
    }
    features = features.whereLayer(FEATURES.get(0)).mayNotBeAccessedByAnyLayer();
    for (int i = 1; i < FEATURES.size(); i++) {
      features =
          features
              .whereLayer(FEATURES.get(i))
              .mayOnlyBeAccessedByLayers(FEATURES.subList(0, i).toArray(String[]::new));
    }
    // The application class sits above every feature; any other package must be placed in the list.
    features.ensureAllClassesAreContainedInArchitectureIgnoring("landwatch").check(classes);
  }
}
