package landwatch.user;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone this application cannot place: no user named, an
 * unknown unit, roles that do not fit it, or neither and no local user. Not a wrong password: it
 * counts towards no lock-out, and the caller is told what is wrong.
 */
final class ClaimsRefused extends AuthenticationException {

  @Serial private static final long serialVersionUID = 1L;

  ClaimsRefused(String message) {
    super(message);
  }
}
