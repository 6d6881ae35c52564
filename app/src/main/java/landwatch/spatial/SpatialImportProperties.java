package landwatch.spatial;

import landwatch.spatial.io.ImportLimits;
import landwatch.spatial.io.ProvinceExtent;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param extent where coordinates must lie (all four bounds); Ningxia unless configured
 * @param limits what an upload may be; each limit unset keeps its default
 */
@ConfigurationProperties("landwatch.import")
public record SpatialImportProperties(ProvinceExtent extent, Limits limits) {

  public SpatialImportProperties {
    extent = extent == null ? ProvinceExtent.NINGXIA : extent;
    limits = limits == null ? new Limits(null, null, null, null, null, null) : limits;
  }

  public record Limits(
      Long maxInputBytes,
      Long maxUncompressedBytes,
      Integer maxEntries,
      Integer maxCompressionRatio,
      Long ratioThresholdBytes,
      Integer maxRingsPerFeature) {

    ImportLimits resolve() {
      ImportLimits defaults = ImportLimits.defaults();
      return new ImportLimits(
          maxInputBytes != null ? maxInputBytes : defaults.maxInputBytes(),
          maxUncompressedBytes != null ? maxUncompressedBytes : defaults.maxUncompressedBytes(),
          maxEntries != null ? maxEntries : defaults.maxEntries(),
          maxCompressionRatio != null ? maxCompressionRatio : defaults.maxCompressionRatio(),
          ratioThresholdBytes != null ? ratioThresholdBytes : defaults.ratioThresholdBytes(),
          maxRingsPerFeature != null ? maxRingsPerFeature : defaults.maxRingsPerFeature());
    }
  }
}
