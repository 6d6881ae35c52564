package landwatch.user;

import java.time.Instant;
import java.util.Optional;
import landwatch.region.RegionService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Users as sign-in sees them: the stored account with its unit resolved and lock evaluated. */
@Service
public class UserAccounts implements UserDetailsService {

  private final UserStore store;
  private final RegionService regions;

  UserAccounts(UserStore store, RegionService regions) {
    this.store = store;
    this.regions = regions;
  }

  @Override
  public SignedInUser loadUserByUsername(String username) {
    return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  public Optional<SignedInUser> find(String username) {
    return store.find(username).map(this::signedIn);
  }

  SignedInUser signedIn(UserStore.StoredUser stored) {
    UserAccount account = stored.account();
    return new SignedInUser(
        account.username(),
        account.displayName(),
        regions.get(account.unitCode()),
        account.roles(),
        stored.passwordHash(),
        stored.passwordChangedAt(),
        account.enabled(),
        account.isLocked(Instant.now()),
        false);
  }
}
