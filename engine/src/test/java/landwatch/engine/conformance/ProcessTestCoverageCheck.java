package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Camunda Process Test writes its coverage report after the test class (its own after-all step,
 * which runs before this one when this extension is registered first): the report exists and names
 * the elements and sequence flows the tests covered, which it read from the engine's element
 * instances and {@code GET /process-instances/{key}/sequence-flows}. An earlier run's report is
 * removed first, so that only this run's can pass.
 */
public final class ProcessTestCoverageCheck implements BeforeAllCallback, AfterAllCallback {

  /** {@code coverage.reportDirectory} of {@code camunda-container-runtime.properties}. */
  static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (Files.exists(REPORTS)) {
      try (Stream<Path> files = Files.walk(REPORTS)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    Path report = REPORTS.resolve(context.getRequiredTestClass().getName()).resolve("report.json");
    assertThat(report).as("the test class's coverage report").exists();
    assertThat(REPORTS.resolve("report.html")).exists();
    String json = Files.readString(report);
    assertThat(json)
        .contains(
            "\"processDefinitionId\" : \"" + ProcessTestConformanceIT.ORDER + "\"",
            "\"check\"",
            "\"decide\"",
            "\"paid\"",
            "\"done\"",
            "\"rejected\"",
            "\"twoHours\"",
            "\"takenSequenceFlows\" : [ \"sequenceFlow_");
  }
}
