package landwatch.user;

import java.nio.charset.StandardCharsets;
import landwatch.engine.SecretFile;
import org.springframework.stereotype.Component;

/** What a password must be; generated ones always are. */
@Component
class PasswordPolicy {

  /** BCrypt reads no further. */
  static final int MAX_BYTES = 72;

  private final int minLength;

  PasswordPolicy(SecurityProperties properties) {
    this.minLength = properties.minPasswordLength();
  }

  String generate() {
    return SecretFile.generate();
  }

  void check(String username, String password) {
    if (password == null || password.length() < minLength) {
      throw UserProblem.invalid(
          "密码至少需要 " + minLength + " 个字符", "a password needs at least " + minLength + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw UserProblem.invalid(
          "密码过长（最多 " + MAX_BYTES + " 字节）", "a password has at most " + MAX_BYTES + " bytes");
    }
    if (password.equalsIgnoreCase(username)) {
      throw UserProblem.invalid("密码不能与用户名相同", "a password may not be the username");
    }
  }
}
