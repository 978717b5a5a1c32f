package city.honjo.neo4j;

import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS in this JVM with Bolt on 127.0.0.1.
 *
 * <p>Contract with the Node side (src/db/embedded-neo4j.ts): options come as {@code --name=value}
 * arguments; the password comes as the first line of stdin and the name of the service's own user as the
 * second (see {@link Credentials}; never as arguments, which any local user could read in {@code ps});
 * exactly one line {@code ready
 * bolt://127.0.0.1:PORT} is printed on stdout once the default database is available; errors go to
 * stderr with exit code 1. The DBMS shuts down cleanly on SIGTERM/SIGINT, and also when stdin reaches
 * end-of-file with {@code --exit-on-stdin-close}, so a parent that dies without signalling never leaves
 * an orphaned database behind.
 *
 * <p>Locked down: authentication is always on, and Cypher may read neither local files ({@code LOAD CSV
 * FROM 'file:///…'}) nor network addresses (so {@code LOAD CSV} cannot probe other local services).
 */
public final class Launcher {
  private static final String DEFAULT_DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

  private Launcher() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("embedded-neo4j: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }

    // Whichever DBMS runs now (the standby's scratch one, then the real one) is the one the hook stops.
    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  DatabaseManagementService dbms = running.getAndSet(null);
                  if (dbms != null) dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    try {
      Credentials credentials = Credentials.read(System.in);
      if (options.standbyHome != null && !standBy(options, credentials, running)) {
        System.exit(0); // stdin ended before the word to serve: nothing to take over
        return;
      }
      running.set(start(options, credentials));
    } catch (RuntimeException e) {
      System.err.println("embedded-neo4j: could not start: " + e);
      System.exit(1);
      return;
    }

    System.out.println("ready bolt://127.0.0.1:" + options.port);
    System.out.flush();

    if (options.exitOnStdinClose) {
      waitForEndOfInput(System.in);
      System.exit(0); // runs the shutdown hook
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A standby: this JVM starts a DBMS on a scratch store of its own ({@code --standby-home}, Bolt on {@code
   * --standby-port}), says {@code standby bolt://127.0.0.1:PORT}, and waits. Meanwhile the service runs its
   * statements there, so the classes they need are loaded and the planner's code is compiled by the JIT.
   * When the running database dies, the service writes {@code serve} on stdin: the scratch DBMS stops, and
   * this JVM starts the real one, hot, in a fraction of a cold JVM's time (plans are per DBMS and start empty,
   * but planning on compiled code is several times faster). Returns false when stdin ends first.
   */
  private static boolean standBy(
      Options options, Credentials credentials, AtomicReference<DatabaseManagementService> running) {
    running.set(start(options.scratch(), credentials));
    System.out.println("standby bolt://127.0.0.1:" + options.standbyPort);
    System.out.flush();
    boolean serve = Credentials.nextLine(System.in).map("serve"::equals).orElse(false);
    DatabaseManagementService scratch = running.getAndSet(null);
    if (scratch != null) scratch.shutdown();
    return serve;
  }

  /**
   * Starts the DBMS with {@code credentials} in force. When they have not been applied to this store yet
   * (first start, or a changed password or service user), they are set first in a start with Bolt off, so no
   * client can ever log in with Neo4j's default {@code neo4j/neo4j} or race the change.
   */
  private static DatabaseManagementService start(Options options, Credentials credentials) {
    AppliedCredentials applied = new AppliedCredentials(options.home);
    if (!applied.matches(credentials)) {
      DatabaseManagementService setup = configure(options, false).build();
      try {
        awaitAvailable(setup, GraphDatabaseSettings.SYSTEM_DATABASE_NAME, options.startTimeoutMs);
        GraphDatabaseService system = setup.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        setPassword(system, credentials.password());
        setServiceUser(system, credentials);
      } finally {
        setup.shutdown();
      }
      applied.record(credentials);
    }
    DatabaseManagementService dbms = configure(options, true).build();
    try {
      awaitAvailable(dbms, DEFAULT_DATABASE, options.startTimeoutMs);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
    return dbms;
  }

  private static DatabaseManagementServiceBuilder configure(Options options, boolean bolt) {
    return new DatabaseManagementServiceBuilder(options.home)
        .setConfig(BoltConnector.enabled, bolt)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
        .setConfig(HttpConnector.enabled, false)
        // Neo4j would send anonymous usage data to neo4j.com at start: nothing leaves a closed network.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // Bolt waits 5 s for its connections and 5 s for its worker threads when stopping; the service
        // closes its driver first, so a long wait only delays Ctrl-C by ten seconds.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        // LOAD CSV from http(s) would let Cypher reach any address this machine can: block them all.
        .setConfig(
            GraphDatabaseInternalSettings.cypher_ip_blocklist,
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
        // A checkpoint every 10 s when something was written (Neo4j's default is 15 min): after a crash,
        // recovery replays only what came since the last one. A database killed half a minute after a fresh
        // start replayed the schema and the seed load, every index rebuilt, 2 s of its restart; on a graph of a
        // few MB a checkpoint costs next to nothing. (db.checkpoint() is not in Community edition.)
        .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofSeconds(10))
        // Transaction logs: no 256 MB preallocated per file (the store took 516 MB for a 4 MB graph), files
        // rotated at 16 MB, and kept up to 32 MB in all, enough for recovery and for records written since.
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "32M size")
        .setConfig(
            GraphDatabaseSettings.transaction_timeout,
            Duration.ofSeconds(options.transactionTimeoutSeconds));
  }

  private static void awaitAvailable(DatabaseManagementService dbms, String database, long timeoutMs) {
    if (!dbms.database(database).isAvailable(timeoutMs)) {
      throw new IllegalStateException("database '" + database + "' not available after " + timeoutMs + " ms");
    }
  }

  /** The password of user {@code neo4j}, kept for operators (the service logs in as its own user). */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // The store already has this password (its record of that was lost): the goal is reached.
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
    }
  }

  /**
   * Creates (or resets) the service's own user with the password, and drops any other service user a former
   * name left behind. Community edition has no roles: every user may do everything, as {@code neo4j} may.
   */
  private static void setServiceUser(GraphDatabaseService system, Credentials credentials) {
    String current = credentials.serviceUser().orElse("");
    List<String> stale =
        system.executeTransactionally(
            "SHOW USERS YIELD user WHERE user STARTS WITH $prefix AND user <> $current RETURN user",
            Map.of("prefix", Credentials.SERVICE_USER_PREFIX, "current", current),
            result -> result.stream().map(row -> (String) row.get("user")).toList());
    for (String user : stale) system.executeTransactionally("DROP USER $user", Map.of("user", user));
    if (current.isEmpty()) return;
    system.executeTransactionally(
        "CREATE OR REPLACE USER $user SET PASSWORD $password CHANGE NOT REQUIRED",
        Map.of("user", current, "password", credentials.password()));
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored: only its end matters.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, which is the same signal as end-of-file.
    }
  }

  /** Command-line options, validated once. */
  private static final class Options {
    static final String USAGE =
        "usage: java -jar embedded-neo4j.jar --home=DIR [--port=7687] [--page-cache-mb=128]"
            + " [--transaction-timeout-s=60] [--start-timeout-ms=120000] [--exit-on-stdin-close]"
            + " [--standby-home=DIR --standby-port=N]"
            + " < first line: password; second line: name of the service's own user (svc_…), or empty";

    Path home;
    int port = 7687;
    long pageCacheMb = 128;
    long transactionTimeoutSeconds = 60;
    long startTimeoutMs = 120_000;
    boolean exitOnStdinClose;
    /** A standby's scratch store and its Bolt port (see {@link Launcher#standBy}); none for a plain start. */
    Path standbyHome;

    int standbyPort;

    /** The options of the standby's scratch DBMS: its own store and port, the smallest page cache. */
    Options scratch() {
      Options o = new Options();
      o.home = standbyHome;
      o.port = standbyPort;
      o.pageCacheMb = 8;
      o.transactionTimeoutSeconds = transactionTimeoutSeconds;
      o.startTimeoutMs = startTimeoutMs;
      return o;
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (String arg : args) {
        if (arg.equals("--exit-on-stdin-close")) {
          o.exitOnStdinClose = true;
          continue;
        }
        int eq = arg.indexOf('=');
        if (!arg.startsWith("--") || eq < 0) {
          throw new IllegalArgumentException("unexpected argument '" + arg + "'");
        }
        String name = arg.substring(2, eq);
        String value = arg.substring(eq + 1);
        switch (name) {
          case "home" -> o.home = Path.of(value).toAbsolutePath();
          case "port" -> o.port = (int) number(name, value, 1, 65535);
          case "page-cache-mb" -> o.pageCacheMb = number(name, value, 8, 1 << 20);
          case "transaction-timeout-s" -> o.transactionTimeoutSeconds = number(name, value, 1, 86400);
          case "start-timeout-ms" -> o.startTimeoutMs = number(name, value, 1000, 3_600_000);
          case "standby-home" -> o.standbyHome = Path.of(value).toAbsolutePath();
          case "standby-port" -> o.standbyPort = (int) number(name, value, 1, 65535);
          default -> throw new IllegalArgumentException("unknown option --" + name);
        }
      }
      if (o.home == null) {
        throw new IllegalArgumentException("--home is required");
      }
      if ((o.standbyHome == null) != (o.standbyPort == 0)) {
        throw new IllegalArgumentException("--standby-home and --standby-port go together");
      }
      if (o.standbyHome != null && (o.standbyHome.equals(o.home) || o.standbyPort == o.port)) {
        throw new IllegalArgumentException("a standby needs a store and a port of its own");
      }
      return o;
    }

    private static long number(String name, String value, long min, long max) {
      try {
        long n = Long.parseLong(value);
        if (n < min || n > max) {
          throw new IllegalArgumentException(
              "--" + name + " must be between " + min + " and " + max + ", got " + value);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
      }
    }
  }
}
