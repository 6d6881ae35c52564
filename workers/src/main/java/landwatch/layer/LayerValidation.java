package landwatch.layer;

import java.util.List;
import landwatch.spatial.io.ImportError;

/**
 * The all-or-nothing verdict on a reference layer file.
 *
 * @param layerClass the class the file was imported as
 * @param features every feature when accepted; empty when rejected
 * @param errors every problem found; empty when accepted
 */
public record LayerValidation(
    LayerClass layerClass, List<LayerFeature> features, List<ImportError> errors) {

  public LayerValidation {
    features = List.copyOf(features);
    errors = List.copyOf(errors);
    if (!features.isEmpty() && !errors.isEmpty()) {
      throw new IllegalArgumentException("a layer is accepted whole or rejected whole");
    }
  }

  public boolean accepted() {
    return errors.isEmpty();
  }
}
