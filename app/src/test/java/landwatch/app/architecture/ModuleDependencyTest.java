package landwatch.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rule of DESIGN.md: workers talk to any Camunda 8 through the client only, so they
 * never see the embedded engine; the engine knows nothing of the application. Modules share
 * feature package names, so each module is identified by its compiled classes, not by package.
 */
class ModuleDependencyTest {

  static JavaClasses engine;
  static JavaClasses workers;
  static JavaClasses app;

  @BeforeAll
  static void importModules() {
    engine = importModule("engine");
    workers = importModule("workers");
    app = importModule("app");
  }

  @Test
  void workersNeverDependOnTheEngine() {
    noClasses().should().dependOnClassesThat(belongTo(engine, "belong to the engine module"))
        .check(workers);
  }

  @Test
  void theEngineDependsNeitherOnTheAppNorOnTheWorkers() {
    noClasses().should().dependOnClassesThat(belongTo(app, "belong to the app module"))
        .orShould().dependOnClassesThat(belongTo(workers, "belong to the workers module"))
        .check(engine);
  }

  private static JavaClasses importModule(String module) {
    Path classes = Path.of("..", module, "target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("compile the " + module + " module first: " + classes.toAbsolutePath());
    }
    return new ClassFileImporter().importPath(classes);
  }

  private static DescribedPredicate<JavaClass> belongTo(JavaClasses module, String description) {
    Set<String> names = module.stream().map(JavaClass::getName).collect(Collectors.toSet());
    return DescribedPredicate.describe(description, javaClass -> names.contains(javaClass.getName()));
  }
}
