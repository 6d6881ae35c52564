package landwatch.layer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The current version of every reference layer. A new version is built off to the side and swapped
 * in as a whole new snapshot; a check takes one snapshot at its start and sees one consistent set
 * of versions to its end, however many layers are replaced meanwhile.
 */
public final class ReferenceLayers {

  private volatile Snapshot current = new Snapshot(new EnumMap<>(LayerClass.class));

  /** The layers as they are now; never changes afterwards. */
  public Snapshot snapshot() {
    return current;
  }

  /**
   * Makes {@code index} the current version of its class, replacing the previous one atomically;
   * checks already running keep the snapshot they started with.
   *
   * @return the version it replaced, if any
   */
  public synchronized Optional<String> install(LayerIndex index) {
    EnumMap<LayerClass, LayerIndex> next = new EnumMap<>(LayerClass.class);
    next.putAll(current.layers);
    LayerIndex previous = next.put(index.layerClass(), index);
    current = new Snapshot(next);
    return Optional.ofNullable(previous).map(LayerIndex::version);
  }

  /** Builds an index of {@code lonLatGeometries} and installs it. */
  public Optional<String> replace(
      LayerClass layerClass, String version, Iterable<? extends Geometry> lonLatGeometries) {
    LayerIndex.Builder builder = LayerIndex.builder(layerClass, version);
    lonLatGeometries.forEach(builder::add);
    return install(builder.build());
  }

  /** An immutable set of layer versions. */
  public static final class Snapshot {
    private final Map<LayerClass, LayerIndex> layers;

    private Snapshot(EnumMap<LayerClass, LayerIndex> layers) {
      this.layers = Collections.unmodifiableMap(layers);
    }

    public Optional<LayerIndex> layer(LayerClass layerClass) {
      return Optional.ofNullable(layers.get(layerClass));
    }

    /** Version label per loaded class; a class never loaded is absent. */
    public Map<LayerClass, String> versions() {
      EnumMap<LayerClass, String> versions = new EnumMap<>(LayerClass.class);
      layers.forEach((layerClass, index) -> versions.put(layerClass, index.version()));
      return Collections.unmodifiableMap(versions);
    }
  }
}
