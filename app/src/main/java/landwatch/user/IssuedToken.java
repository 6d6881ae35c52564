package landwatch.user;

/** A new bearer token: the only time its value is shown. */
public record IssuedToken(ApiToken token, String value) {}
