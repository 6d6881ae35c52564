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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.transform.ProcessTransformer;
import landwatch.engine.processing.Rejection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads deployment resources: BPMN through zeebe-bpmn-model (parsed, validated, then transformed,
 * which rejects what this engine cannot execute), DMN and forms just enough to know their ids.
 */
public final class ResourceParser {

  private static final String DMN_NS_SUFFIX = "DMN/";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final FeelEvaluator feel;
  private final ObjectMapper json = new ObjectMapper();

  public ResourceParser(FeelEvaluator feel) {
    this.feel = feel;
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
          name, content, checksum(content), "bpmn", parseBpmn(name, content), null, List.of());
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

  private ParsedResource parseDmn(String name, byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
      Element definitions = document.getDocumentElement();
      if (!"definitions".equals(definitions.getLocalName())
          || definitions.getNamespaceURI() == null
          || !definitions.getNamespaceURI().contains(DMN_NS_SUFFIX)) {
        throw rejected(name, "not a DMN definitions document");
      }
      List<ParsedResource.Decision> decisions = new ArrayList<>();
      NodeList nodes =
          definitions.getElementsByTagNameNS(definitions.getNamespaceURI(), "decision");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element decision = (Element) nodes.item(i);
        decisions.add(
            new ParsedResource.Decision(
                decision.getAttribute("id"), decision.getAttribute("name")));
      }
      if (decisions.isEmpty()) {
        throw rejected(name, "a DMN resource must contain at least one decision");
      }
      return new ParsedResource(
          name,
          content,
          checksum(content),
          "dmn",
          List.of(),
          definitions.getAttribute("id"),
          decisions);
    } catch (Rejection r) {
      throw r;
    } catch (Exception e) {
      throw rejected(name, "failed to parse the DMN: " + e.getMessage());
    }
  }

  private ParsedResource parseForm(String name, byte[] content) {
    try {
      JsonNode form = json.readTree(content);
      JsonNode id = form.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw rejected(name, "a form must have an 'id'");
      }
      return new ParsedResource(
          name, content, checksum(content), "form", List.of(), id.asText(), List.of());
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
