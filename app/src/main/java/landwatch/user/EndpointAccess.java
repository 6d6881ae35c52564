package landwatch.user;

/**
 * A feature's declaration of who may call its endpoints, next to its controllers. What no feature
 * declares is denied ({@link SecurityConfiguration}); {@code JurisdictionWalkTest} fails for any
 * endpoint without a rule.
 */
public interface EndpointAccess {

  void declare(AccessRules rules);
}
