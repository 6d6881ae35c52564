package landwatch.engine.dmn;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A DMN resource parsed by the DMN engine: its decision requirements graph (the {@code
 * definitions}) and the decisions in it. Immutable; shared by the writer and the API's readers.
 */
public record ParsedDrg(String id, String name, List<Decision> decisions, ParsedDmn parsed) {

  /**
   * A decision of the graph.
   *
   * @param type DECISION_TABLE, LITERAL_EXPRESSION or UNKNOWN (another kind of decision logic)
   */
  public record Decision(String id, String name, String versionTag, String type) {}
}
