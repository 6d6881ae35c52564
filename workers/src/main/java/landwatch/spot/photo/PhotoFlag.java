package landwatch.spot.photo;

/** What a verification photo's evidence lacks or contradicts. */
public enum PhotoFlag {
  /** Taken farther from the spot than {@code landwatch.photos.max-distance-metres}. */
  TOO_FAR,
  /** Taken on a day before the imagery that showed the change: it cannot show the change. */
  BEFORE_IMAGERY,
  /** No usable GPS position in its metadata. */
  NO_LOCATION,
  /** No original date and time in its metadata. */
  NO_TIME,
  /** Not readable as an image (or no longer stored). */
  NOT_AN_IMAGE
}
