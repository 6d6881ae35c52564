package landwatch.app.engine;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param locations resource patterns searched for the models deployed at start; files other than
 *     {@code .bpmn}, {@code .dmn} and {@code .form} are ignored
 */
@ConfigurationProperties("landwatch.models")
public record ModelsProperties(
    @DefaultValue({"classpath*:processes/*", "classpath*:forms/*"}) List<String> locations) {}
