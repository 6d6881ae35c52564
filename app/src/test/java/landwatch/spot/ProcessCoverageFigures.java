package landwatch.spot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints the BPMN path coverage per model of the process test classes run so far — the sequence
 * flows some test took out of all the model's flows, read from Camunda Process Test's coverage
 * reports (one per class, written by its own after-all step, which runs before this one when this
 * extension is registered first) in this JVM — and names the flows no test took. After the last
 * class it is the figure of the whole suite. Also written to {@code
 * target/process-test-coverage/figures.txt}.
 */
public final class ProcessCoverageFigures implements AfterAllCallback {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Instant JVM_START =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"");

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    List<JsonNode> reports = new ArrayList<>();
    try (Stream<Path> classes = Files.list(REPORTS)) {
      for (Path report : classes.map(dir -> dir.resolve("report.json")).toList()) {
        // a report left by an earlier run of the build is not this run's coverage
        if (Files.exists(report)
            && Files.getLastModifiedTime(report).toMillis() >= JVM_START.toEpochMilli()) {
          reports.add(new ObjectMapper().readTree(report.toFile()));
        }
      }
    }
    Set<String> processes = new TreeSet<>();
    for (JsonNode json : reports) {
      json.get("models").forEach(m -> processes.add(m.get("processDefinitionId").asText()));
    }
    List<String> lines = new ArrayList<>();
    for (String process : processes) {
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
      for (JsonNode json : reports) {
        for (JsonNode coverage : json.get("coverages")) {
          if (coverage.get("processDefinitionId").asText().equals(process)) {
            coverage.get("takenSequenceFlows").forEach(flow -> taken.add(flow.asText()));
          }
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
