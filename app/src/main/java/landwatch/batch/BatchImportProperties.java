package landwatch.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Ministry's attribute names map to spot fields, beyond the built-in defaults: offices
 * receive files whose field names drift from year to year.
 *
 * @param aliases extra field names per spot field, tried after the defaults
 */
@ConfigurationProperties("landwatch.import.spot-attributes")
public record BatchImportProperties(Map<SpotField, List<String>> aliases) {

  public BatchImportProperties {
    aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
  }

  AttributeMapping mapping() {
    AttributeMapping mapping = AttributeMapping.defaults();
    for (Map.Entry<SpotField, List<String>> entry : aliases.entrySet()) {
      List<String> names = new ArrayList<>(mapping.aliasesOf(entry.getKey()));
      names.addAll(entry.getValue());
      mapping = mapping.withAliases(entry.getKey(), names.toArray(String[]::new));
    }
    return mapping;
  }
}
