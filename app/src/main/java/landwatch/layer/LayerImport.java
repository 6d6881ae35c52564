package landwatch.layer;

/** The answer to an accepted layer upload. */
public record LayerImport(LayerClass layerClass, int year, int featureCount, String version) {}
