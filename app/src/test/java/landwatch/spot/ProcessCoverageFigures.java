package landwatch.spot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints the BPMN path coverage of the test class per model — the sequence flows some test took out
 * of all the model's flows, read from Camunda Process Test's coverage report (written by its own
 * after-all step, which runs before this one when this extension is registered first) — and names
 * the flows no test took. Also written to {@code target/process-test-coverage/figures.txt}.
 */
public final class ProcessCoverageFigures implements AfterAllCallback {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"");

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    Path report = REPORTS.resolve(context.getRequiredTestClass().getName()).resolve("report.json");
    if (!Files.exists(report)) {
      return;
    }
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> lines = new ArrayList<>();
    for (JsonNode model : json.get("models")) {
      String process = model.get("processDefinitionId").asText();
      Path file = Path.of("..", "processes", process + ".bpmn");
      if (!Files.exists(file)) {
        continue;
      }
      Set<String> flows = new TreeSet<>();
      Matcher matcher = FLOW.matcher(Files.readString(file));
      while (matcher.find()) {
        flows.add(matcher.group(1));
      }
      Set<String> taken = new TreeSet<>();
      for (JsonNode coverage : json.get("coverages")) {
        if (coverage.get("processDefinitionId").asText().equals(process)) {
          coverage.get("takenSequenceFlows").forEach(flow -> taken.add(flow.asText()));
        }
      }
      Set<String> missed = new TreeSet<>(flows);
      missed.removeAll(taken);
      lines.add(
          String.format(
              "BPMN path coverage %s: %d/%d sequence flows (%.1f%%)%s",
              process,
              flows.size() - missed.size(),
              flows.size(),
              100.0 * (flows.size() - missed.size()) / flows.size(),
              missed.isEmpty() ? "" : ", not taken: " + String.join(", ", missed)));
    }
    lines.forEach(System.out::println);
    Files.write(REPORTS.resolve("figures.txt"), lines);
  }
}
