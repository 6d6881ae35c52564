package landwatch.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rule of the README's "Layout" section: workers talk to any Camunda 8 through the
 * client only, so they never see the embedded engine; the engine knows nothing of the application.
 * Modules share feature package names, so each module is identified by its compiled classes, not by
 * package.
 */
class ModuleDependencyTest {

  static JavaClasses engine;
  static JavaClasses workers;
  static JavaClasses app;

  @BeforeAll
  static void importModules() {
    engine = CompiledModules.of("engine");
    workers = CompiledModules.of("workers");
    app = CompiledModules.of("app");
  }

  @Test
  void workersNeverDependOnTheEngine() {
    noClasses()
        .should()
        .dependOnClassesThat(belongTo(engine, "belong to the engine module"))
        .check(workers);
  }

  @Test
  void theEngineDependsNeitherOnTheAppNorOnTheWorkers() {
    noClasses()
        .should()
        .dependOnClassesThat(belongTo(app, "belong to the app module"))
        .orShould()
        .dependOnClassesThat(belongTo(workers, "belong to the workers module"))
        .check(engine);
  }

  private static DescribedPredicate<JavaClass> belongTo(JavaClasses module, String description) {
    Set<String> names = module.stream().map(JavaClass::getName).collect(Collectors.toSet());
    return DescribedPredicate.describe(
        description, javaClass -> names.contains(javaClass.getName()));
  }
}
