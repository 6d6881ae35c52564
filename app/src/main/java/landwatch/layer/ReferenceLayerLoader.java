package landwatch.layer;

import java.util.ArrayList;
import java.util.List;
import landwatch.spot.SpatialResultRefresh;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Builds the in-memory index of every current layer version at start, before any job worker
 * polls, and catches up results left stale by a crash between a layer's commit and its
 * recomputation.
 */
@Component
class ReferenceLayerLoader implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceLayerLoader.class);

  private final LayerStore store;
  private final ReferenceLayers referenceLayers;
  private final SpatialResultRefresh refresh;

  ReferenceLayerLoader(LayerStore store, ReferenceLayers referenceLayers, SpatialResultRefresh refresh) {
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
                List<Geometry> geometries = new ArrayList<>(version.featureCount());
                store.forEachGeometry(version, geometries::add);
                referenceLayers.replace(layerClass, version.label(), geometries);
                LOG.info("Indexed {} {} ({} polygons)", layerClass, version.label(), geometries.size());
              });
    }
    int refreshed = refresh.refreshStale();
    if (refreshed > 0) {
      LOG.info("Recomputed {} spatial results left stale by a layer change", refreshed);
    }
  }
}
