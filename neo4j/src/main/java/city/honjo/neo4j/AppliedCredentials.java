package city.honjo.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Remembers which credentials (the service user's name and the password) were last set on the store, as a
 * salted PBKDF2 fingerprint (never the password), so the launcher knows without starting Bolt whether they
 * must be (re)applied. The record lives in Neo4j's own data folder: a store deleted by hand takes its record
 * with it, and the next start applies the credentials to the fresh store.
 */
final class AppliedCredentials {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int ITERATIONS = 100_000;
  private static final int KEY_BITS = 256;

  private final Path file;

  AppliedCredentials(Path home) {
    this.file = home.resolve("data").resolve("credentials-applied");
  }

  /** True when {@code credentials} are the ones last applied to this store. */
  boolean matches(Credentials credentials) {
    if (!Files.isRegularFile(file)) return false;
    try {
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(":");
      if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) return false;
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(credentials.fingerprintInput(), salt, iterations));
    } catch (IOException | IllegalArgumentException e) {
      return false; // an unreadable record only costs re-applying the credentials
    }
  }

  /** Records {@code credentials} as applied (owner-only file, replaced atomically). */
  void record(Credentials credentials) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String line =
        "pbkdf2-sha256:"
            + ITERATIONS
            + ":"
            + Base64.getEncoder().encodeToString(salt)
            + ":"
            + Base64.getEncoder().encodeToString(derive(credentials.fingerprintInput(), salt, ITERATIONS))
            + "\n";
    try {
      Files.createDirectories(file.getParent());
      Path temporary =
          Files.createTempFile(
              file.getParent(),
              "credentials-applied",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, line, StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not record the applied credentials in " + file, e);
    }
  }

  private static byte[] derive(String secret, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, KEY_BITS);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }
}
