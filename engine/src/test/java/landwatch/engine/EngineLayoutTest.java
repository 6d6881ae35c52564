package landwatch.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the engine README's "Layout" section. */
class EngineLayoutTest {

  private static final String[] FEATURES = {
    "landwatch.engine.job..",
    "landwatch.engine.timer..",
    "landwatch.engine.message..",
    "landwatch.engine.deployment..",
    "landwatch.engine.processinstance..",
    "landwatch.engine.incident..",
    "landwatch.engine.clock..",
    "landwatch.engine.document..",
    "landwatch.engine.retention..",
    "landwatch.engine.decision..",
    "landwatch.engine.usertask..",
    "landwatch.engine.testing.."
  };

  private static final String[] PROCESSORS = {
    "landwatch.engine.bpmn.task..",
    "landwatch.engine.bpmn.gateway..",
    "landwatch.engine.bpmn.event..",
    "landwatch.engine.bpmn.container.."
  };

  static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("landwatch.engine");
  }

  @Test
  void bpmnUsesNoFeaturePackageAndNoController() {
    noClasses()
        .that()
        .resideInAPackage("landwatch.engine.bpmn..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("landwatch.engine.api..")
        .check(engine);
  }

  @Test
  void behavioursKnowNoProcessor() {
    noClasses()
        .that()
        .resideInAPackage("landwatch.engine.bpmn.behavior..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROCESSORS)
        .check(engine);
  }

  @Test
  void onlyBpmnEngineKnowsEveryProcessor() {
    noClasses()
        .that()
        .resideInAPackage("landwatch.engine.bpmn")
        .and()
        .doNotHaveSimpleName("BpmnEngine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROCESSORS)
        .check(engine);
  }

  @Test
  void theWriterStateAndModelKnowNeitherBpmnNorFeaturesNorControllers() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "landwatch.engine.processing..",
            "landwatch.engine.record..",
            "landwatch.engine.state..",
            "landwatch.engine.model..",
            "landwatch.engine.feel..",
            "landwatch.engine.dmn..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("landwatch.engine.bpmn..", "landwatch.engine.api..")
        .check(engine);
  }
}
