package landwatch.engine.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import landwatch.engine.dmn.DecisionEngine;
import landwatch.engine.dmn.ParsedDrg;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.transform.ProcessTransformer;
import landwatch.engine.processing.Rejection;
import org.xml.sax.SAXException;

/**
 * Reads deployment resources: BPMN through zeebe-bpmn-model (parsed, validated, then transformed,
 * which rejects what this engine cannot execute), DMN through the DMN engine, forms just enough to
 * know their ids.
 */
public final class ResourceParser {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final FeelEvaluator feel;
  private final DecisionEngine dmn;
  private final ObjectMapper json = new ObjectMapper();

  public ResourceParser(FeelEvaluator feel, DecisionEngine dmn) {
    this.feel = feel;
    this.dmn = dmn;
  }

  public static boolean isBpmn(String name) {
    String lower = name.toLowerCase();
    return lower.endsWith(".bpmn") || lower.endsWith(".xml");
  }

  /**
   * Counts the executable processes ({@code <bpmn:process isExecutable="true">}) of a BPMN resource
   * with a streaming reader, without building a model, and stops once it has found more than {@code
   * stopAbove}. XML that the reader cannot read ends the count: the parser's own validation reports
   * it.
   */
  public static int countExecutableProcesses(byte[] content, int stopAbove) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    int count = 0;
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      try {
        while (reader.hasNext() && count <= stopAbove) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT
              && "process".equals(reader.getLocalName())
              && BPMN_NS.equals(reader.getNamespaceURI())
              && "true".equalsIgnoreCase(reader.getAttributeValue(null, "isExecutable"))) {
            count++;
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      // not readable XML: the model parser rejects it with its own message
    }
    return count;
  }

  public ParsedResource parse(String name, byte[] content) {
    String lower = name.toLowerCase();
    if (isBpmn(name)) {
      return new ParsedResource(
          name, content, checksum(content), "bpmn", parseBpmn(name, content), null, null);
    }
    if (lower.endsWith(".dmn")) {
      return parseDmn(name, content);
    }
    if (lower.endsWith(".form")) {
      return parseForm(name, content);
    }
    throw Rejection.invalidArgument(
        "Expected to deploy new resources, but encountered the following errors:%n"
            + "'%s': unknown resource type, expected a .bpmn, .xml, .dmn or .form file",
        name);
  }

  public List<ExecutableProcess> parseBpmn(String name, byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      throw rejected(name, xmlProblem(e));
    }
    ProcessTransformer transformer = new ProcessTransformer(feel);
    List<ExecutableProcess> processes = transformer.transform(model);
    if (!transformer.problems().isEmpty()) {
      throw rejected(name, String.join("\n", transformer.problems()));
    }
    return processes;
  }

  /**
   * The XML parser's own words ("Content is not allowed in prolog."), not the model API's wrapper
   * naming its exception.
   */
  private static String xmlProblem(RuntimeException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXException && cause.getMessage() != null) {
        return cause.getMessage();
      }
    }
    return e.getMessage();
  }

  /**
   * Parsed by the DMN engine, as it will be evaluated: a DMN that does not parse, or has an unknown
   * hit policy or aggregation, is refused naming the resource.
   */
  private ParsedResource parseDmn(String name, byte[] content) {
    ParsedDrg drg;
    try {
      drg = dmn.parse(content);
    } catch (DecisionEngine.InvalidDmn e) {
      throw rejected(name, "failed to parse the DMN: " + e.getMessage());
    }
    return new ParsedResource(name, content, checksum(content), "dmn", List.of(), drg.id(), drg);
  }

  private ParsedResource parseForm(String name, byte[] content) {
    try {
      JsonNode form = json.readTree(content);
      JsonNode id = form.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw rejected(name, "a form must have an 'id'");
      }
      return new ParsedResource(
          name, content, checksum(content), "form", List.of(), id.asText(), null);
    } catch (JsonProcessingException e) {
      throw rejected(name, "failed to parse the form JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw rejected(name, "failed to read the form");
    }
  }

  private static Rejection rejected(String name, String problems) {
    return Rejection.invalidArgument(
        "Expected to deploy new resources, but encountered the following errors:%n'%s': %s",
        name, problems);
  }

  static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
