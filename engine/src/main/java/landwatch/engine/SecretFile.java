package landwatch.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated secret kept in a file only its owner can read, so that it survives restarts without
 * ever being configured: the engine's API password, the application's first administrator's.
 */
public final class SecretFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  /** The secret in {@code file}, generating and storing it when the file does not exist yet. */
  public static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String secret = generate();
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a secret in " + file, e);
    }
  }

  /** 24 random bytes, URL-safe Base64: 32 characters. */
  public static String generate() {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
