package landwatch.spot.photo;

/**
 * Distance on the CGCS2000 ellipsoid (GRS80, the constants of {@code spatial.EllipsoidalArea})
 * between two lon/lat points, in metres, by Vincenty's inverse formula. A photo's EXIF position is
 * WGS84, which differs from CGCS2000 by centimetres: far below the distances a photo is judged by.
 */
public final class GeodesicDistance {

  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257222101;
  private static final double B = A * (1 - F);

  private GeodesicDistance() {}

  public static double metres(double lon1, double lat1, double lon2, double lat2) {
    double l = Math.toRadians(lon2 - lon1);
    double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
    double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);
    double lambda = l;
    double sinSigma;
    double cosSigma;
    double sigma;
    double cosSqAlpha;
    double cos2SigmaM;
    // Converges in a few steps for any two points of one province; only near-antipodal points
    // would need all iterations, and then the last estimate is kept.
    for (int i = 0; ; i++) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
      if (sinSigma == 0) {
        return 0;
      }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
      double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
      double previous = lambda;
      lambda =
          l
              + (1 - c)
                  * F
                  * sinAlpha
                  * (sigma
                      + c
                          * sinSigma
                          * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - previous) < 1e-12 || i == 200) {
        break;
      }
    }
    double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
    double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    double deltaSigma =
        bigB
            * sinSigma
            * (cos2SigmaM
                + bigB
                    / 4
                    * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB
                            / 6
                            * cos2SigmaM
                            * (-3 + 4 * sinSigma * sinSigma)
                            * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * bigA * (sigma - deltaSigma);
  }
}
