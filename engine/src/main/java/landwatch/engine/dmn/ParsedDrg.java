package landwatch.engine.dmn;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A DMN resource parsed by the DMN engine: its decision requirements graph (the {@code
 * definitions}), the decisions in it and the root names its expressions reference (empty when not
 * known: then every variable is given to an evaluation). Immutable; shared by the writer and the
 * API's readers.
 */
public record ParsedDrg(
    String id,
    String name,
    List<Decision> decisions,
    ParsedDmn parsed,
    Optional<Set<String>> referencedVariables) {

  /**
   * A decision of the graph.
   *
   * @param type DECISION_TABLE, LITERAL_EXPRESSION or UNKNOWN (another kind of decision logic)
   */
  public record Decision(String id, String name, String versionTag, String type) {}
}
