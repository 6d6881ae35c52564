package landwatch.user;

/**
 * A user with the password just set for them; the only time it is shown.
 *
 * @param password null when the admin chose it
 */
public record IssuedPassword(UserAccount user, String password) {}
