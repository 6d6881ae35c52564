package landwatch.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's settings. Spots and layers are always drawn from the application's own data; a basemap
 * is shown only when a tile service is configured, so a site without internet access works the
 * same, only without imagery.
 *
 * @param basemap the tile service behind the vectors, if any
 */
@ConfigurationProperties("landwatch.map")
public record MapProperties(Basemap basemap) {

  public MapProperties {
    basemap = basemap == null ? new Basemap(null, null) : basemap;
  }

  /**
   * A Web-Mercator XYZ tile service, fetched by the application so its key never reaches a browser
   * and the pages load images from their own origin only.
   *
   * @param url template with {@code {x}}, {@code {y}} and {@code {z}}, e.g. 天地图's {@code
   *     https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=KEY}
   * @param attribution the credit the service asks for, shown on the map
   */
  public record Basemap(String url, String attribution) {

    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
