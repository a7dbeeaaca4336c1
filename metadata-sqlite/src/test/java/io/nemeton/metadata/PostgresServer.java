package io.nemeton.metadata;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: Debian's {@code initdb} and {@code pg_ctl} from
 * {@code /usr/lib/postgresql/<version>/bin}, a data directory in a temp dir, listening on a free
 * loopback port with trust authentication and fsync off. PostgreSQL refuses to run as root, so
 * under root it runs as the {@code postgres} user through {@code runuser}.
 *
 * <p>{@link #findBinaries()} and {@link #start()} report why a server cannot be had instead of
 * failing, so the caller can skip with that reason. Not thread-safe.
 */
final class PostgresServer {
  static final String USER = "nemeton";
  /** Where Debian installs server versions; the property lets a run check the skip path. */
  static final Path INSTALL_ROOT =
      Path.of(System.getProperty("nemeton.test.postgresRoot", "/usr/lib/postgresql"));
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path binaries;
  private final List<String> runAs;
  private final Path base;
  private final int port;
  private boolean running;
  private int schemas;

  private PostgresServer(Path binaries, List<String> runAs, Path base, int port) {
    this.binaries = binaries;
    this.runAs = runAs;
    this.base = base;
    this.port = port;
  }

  /** The newest installed server's bin directory, if any. */
  static Optional<Path> findBinaries() throws IOException {
    if (!Files.isDirectory(INSTALL_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb"))
              && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparing(PostgresServer::majorVersion));
    }
  }

  private static Integer majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Creates a cluster and starts it. Throws {@link IllegalStateException} with the reason (and
   * the tail of the server's log) when that is not possible here.
   */
  static PostgresServer start(Path binaries) throws IOException, InterruptedException {
    List<String> runAs = new ArrayList<>();
    Path base = Files.createTempDirectory("nemeton-postgres");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    if ("root".equals(System.getProperty("user.name"))) {
      if (run(List.of("id", "-u", "postgres"), base.resolve("id.log")) != 0) {
        deleteTree(base);
        throw new IllegalStateException("running as root and there is no 'postgres' user to"
            + " run the server as (PostgreSQL refuses to run as root)");
      }
      runAs.addAll(List.of("runuser", "-u", "postgres", "--"));
      run(List.of("chown", "postgres", base.toString()), base.resolve("chown.log"));
    }
    PostgresServer server = new PostgresServer(binaries, runAs, base, freePort());
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "postgres-test-stop"));
    server.initialise();
    server.startServer();
    return server;
  }

  int port() {
    return port;
  }

  /** A config for a new, empty schema in the server's {@code postgres} database. */
  MetadataStoreConfig newSchemaConfig() throws SQLException {
    String schema = "test_" + schemas++;
    try (Connection connection = DriverManager.getConnection(uri(""), USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return new MetadataStoreConfig(uri("?currentSchema=" + schema), USER, null,
        MetadataStoreConfig.DEFAULT_TIMEOUT_MS);
  }

  private String uri(String parameters) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres" + parameters;
  }

  void stop() throws IOException, InterruptedException {
    if (running) {
      command(List.of(pgCtl(), "-D", dataDirectory(), "-m", "fast", "-w", "-t", "30", "stop"),
          "stop");
      running = false;
    }
  }

  void startServer() throws IOException, InterruptedException {
    command(List.of(pgCtl(), "-D", dataDirectory(), "-l", base.resolve("server.log").toString(),
        "-w", "-t", "30", "-o", "-p " + port + " -h 127.0.0.1 -k " + base + " -F"
            + " -c max_connections=40", "start"), "start");
    running = true;
  }

  /** Stops the server and deletes its data directory. */
  void close() throws IOException, InterruptedException {
    try {
      stop();
    } finally {
      deleteTree(base);
    }
  }

  private void initialise() throws IOException, InterruptedException {
    command(List.of(binaries.resolve("initdb").toString(), "-D", dataDirectory(), "-U", USER,
        "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), "initdb");
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (IOException | InterruptedException | IllegalStateException ignored) {
      // Best effort at JVM exit; the data directory is a temp dir.
    }
  }

  private void command(List<String> arguments, String step) throws IOException,
      InterruptedException {
    List<String> full = new ArrayList<>(runAs);
    full.addAll(arguments);
    Path log = base.resolve(step + ".log");
    int exit = run(full, log);
    if (exit != 0) {
      throw new IllegalStateException("postgres " + step + " exited " + exit + ": "
          + String.join(" ", full) + "\n" + tail(log) + tail(base.resolve("server.log")));
    }
  }

  private static int run(List<String> command, Path log) throws IOException,
      InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in "
          + COMMAND_TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }

  private String pgCtl() {
    return binaries.resolve("pg_ctl").toString();
  }

  private String dataDirectory() {
    return base.resolve("data").toString();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())) + "\n";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
