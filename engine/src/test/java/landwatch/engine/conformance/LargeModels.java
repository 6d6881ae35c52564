package landwatch.engine.conformance;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Large BPMN models for the restart tests: a chain of {@code tasks} service tasks (with names,
 * headers and mappings, and their diagram) behind an exclusive gateway whose default flow takes a
 * single short task ({@code short}, job type {@code <processId>-short}), and as much process
 * documentation as asked for. An instance without variables takes the short way, so running one
 * costs one job however large the model is. Built once; each version is the template with its
 * process id and a version marker replaced, which is cheap and makes every version's content (so
 * its checksum) different.
 */
public final class LargeModels {

  private static final String ID = "LARGEPROCESSID";
  private static final String MARK = "VERSIONMARK";
  private final String template;

  /**
   * @param tasks service tasks on the long way (about 1.2 KB of XML each, with their diagram)
   * @param documentation bytes of process documentation besides, which cost little to parse
   */
  public LargeModels(int tasks, int documentation) {
    AbstractFlowNodeBuilder<?, ?> chain =
        Bpmn.createExecutableProcess(ID)
            .name("Large " + MARK)
            .startEvent("start")
            .exclusiveGateway("route")
            .defaultFlow()
            .serviceTask("short", t -> t.zeebeJobType(ID + "-short"))
            .endEvent("short-end")
            .moveToNode("route")
            .conditionExpression("=path = \"long\"");
    for (int i = 0; i < tasks; i++) {
      int n = i;
      chain =
          chain.serviceTask(
              "task-" + i,
              t ->
                  t.name("Task number " + n + " of the long way")
                      .zeebeJobType("large-work-" + n)
                      .zeebeTaskHeader("step", String.valueOf(n))
                      .zeebeInputExpression("=step" + n, "local" + n)
                      .zeebeOutputExpression("=local" + n, "out" + n));
    }
    String xml = Bpmn.convertToString(chain.endEvent("long-end").done());
    int process = xml.indexOf('>', xml.indexOf("<process ")) + 1;
    template =
        xml.substring(0, process)
            + "\n    <documentation>"
            + "Documentation of the large process. ".repeat(documentation / 36)
            + "</documentation>"
            + xml.substring(process);
  }

  /** The model of version {@code version} of process {@code processId}. */
  public byte[] version(String processId, int version) {
    return template
        .replace(ID, processId)
        .replace(MARK, String.valueOf(version))
        .getBytes(StandardCharsets.UTF_8);
  }

  public int size() {
    return template.length();
  }
}
