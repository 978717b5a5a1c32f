package city.honjo.neo4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may log in: the password (of user {@code neo4j}, and of the service's own user when there is one) and
 * the name of the service's own user. The service logs in as that user, whose name only the data directory's
 * owner can read, rather than as {@code neo4j}: Neo4j locks a user for a few seconds after a few failed
 * logins, so any local process guessing {@code neo4j} passwords could otherwise lock the service out.
 *
 * <p>Both come on stdin (never as arguments, which every local user can read in {@code ps}): the first line
 * is the password, the second the service user's name, or empty for none.
 */
record Credentials(String password, Optional<String> serviceUser) {
  /** The service users' names: the launcher drops every other user of this prefix, so stale ones do not linger. */
  static final String SERVICE_USER_PREFIX = "svc_";

  private static final Pattern SERVICE_USER_NAME = Pattern.compile("svc_[a-z0-9]{8,64}");

  /** Reads the two lines; the rest of stdin only signals the parent's end. */
  static Credentials read(InputStream in) {
    String password = line(in, "the password");
    if (password.isEmpty()) throw new IllegalArgumentException("the password on stdin is empty");
    String user = line(in, "the service user's name (or an empty line)");
    if (!user.isEmpty() && !SERVICE_USER_NAME.matcher(user).matches()) {
      throw new IllegalArgumentException(
          "the service user's name on stdin must match " + SERVICE_USER_NAME.pattern() + ", got '" + user + "'");
    }
    return new Credentials(password, user.isEmpty() ? Optional.empty() : Optional.of(user));
  }

  /** What the applied-credentials record fingerprints: a changed name or password re-applies both. */
  String fingerprintInput() {
    return serviceUser.orElse("") + "\n" + password;
  }

  /** The next line of stdin after the credentials, or none when it ends first. */
  static Optional<String> nextLine(InputStream in) {
    try {
      return Optional.of(line(in, "a line"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String line(InputStream in, String what) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) throw new IllegalArgumentException("expected " + what + " on stdin, got end of input");
        line.write(b);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read " + what + " from stdin: " + e.getMessage());
    }
    return line.toString(StandardCharsets.UTF_8).strip();
  }
}
