package landwatch.spot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code landwatch.photos.*}: how verification photos are judged.
 *
 * @param maxDistanceMetres a photo taken farther than this from the spot's interior point is
 *     flagged as not taken on site
 */
@ConfigurationProperties("landwatch.photos")
public record PhotoCheckProperties(@DefaultValue("200") double maxDistanceMetres) {

  public PhotoCheckProperties {
    // Refused at binding, so the start fails naming the property.
    if (!(maxDistanceMetres > 0) || Double.isInfinite(maxDistanceMetres)) {
      throw new IllegalArgumentException(
          "landwatch.photos.max-distance-metres must be a positive number of metres, was "
              + maxDistanceMetres);
    }
  }
}
