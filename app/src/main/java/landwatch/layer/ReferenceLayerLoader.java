package landwatch.layer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Builds the in-memory index of every current layer version at start, before any job worker polls,
 * and catches up results left stale by a crash between a layer's commit and its recomputation.
 */
@Component
class ReferenceLayerLoader implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceLayerLoader.class);

  private final LayerStore store;
  private final ReferenceLayers referenceLayers;
  private final StaleResults refresh;

  ReferenceLayerLoader(LayerStore store, ReferenceLayers referenceLayers, StaleResults refresh) {
    this.store = store;
    this.referenceLayers = referenceLayers;
    this.refresh = refresh;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (LayerClass layerClass : LayerClass.values()) {
      store
          .current(layerClass)
          .ifPresent(
              version -> {
                // Streamed into the builder: a million stored polygons never sit in a list.
                LayerIndex.Builder builder = LayerIndex.builder(layerClass, version.label());
                store.forEachGeometry(version, builder::add);
                LayerIndex index = builder.build();
                referenceLayers.install(index);
                LOG.info(
                    "Indexed {} {} ({} polygons)",
                    layerClass,
                    version.label(),
                    index.polygonCount());
              });
    }
    int refreshed = refresh.refreshStale();
    if (refreshed > 0) {
      LOG.info("Recomputed {} spatial results left stale by a layer change", refreshed);
    }
  }
}
