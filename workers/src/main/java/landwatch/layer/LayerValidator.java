package landwatch.layer;

import java.util.ArrayList;
import java.util.List;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.ImportError;
import landwatch.spatial.io.PolygonCheck;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.Reason;

/**
 * Validates a reference layer file. Lighter than a spot batch: the layers come from the province's
 * own surveys and approvals and carry no attribute the checks depend on, so only the geometry rules
 * apply.
 */
public final class LayerValidator {

  private final PolygonCheck polygonCheck;

  public LayerValidator(ProvinceExtent extent) {
    this.polygonCheck = new PolygonCheck(extent);
  }

  public LayerValidation validate(LayerClass layerClass, List<Feature> features) {
    if (features.isEmpty()) {
      return new LayerValidation(
          layerClass,
          List.of(),
          List.of(new Reason("图层中没有要素", "the layer contains no features").at(-1, null, null)));
    }
    List<LayerFeature> accepted = new ArrayList<>(features.size());
    List<ImportError> errors = new ArrayList<>();
    for (Feature feature : features) {
      PolygonCheck.Outcome outcome = polygonCheck.check(feature.geometry());
      if (outcome.accepted()) {
        accepted.add(
            new LayerFeature(
                feature.index(), outcome.geometry(), feature.attributes(), outcome.repairs()));
      } else {
        outcome
            .failures()
            .forEach(reason -> errors.add(reason.at(feature.index(), null, ImportError.GEOMETRY)));
      }
    }
    return errors.isEmpty()
        ? new LayerValidation(layerClass, accepted, List.of())
        : new LayerValidation(layerClass, List.of(), errors);
  }
}
