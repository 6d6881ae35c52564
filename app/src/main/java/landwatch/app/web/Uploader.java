package landwatch.app.web;

import java.security.Principal;

/** Who an import is attributed to; every stored import names its uploader. */
public final class Uploader {

  /** Until sign-in exists, imports come from the system operator. */
  static final String OPERATOR = "operator";

  private Uploader() {}

  public static String of(Principal principal) {
    return principal == null ? OPERATOR : principal.getName();
  }
}
