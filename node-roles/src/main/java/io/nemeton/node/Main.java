package io.nemeton.node;

import io.nemeton.node.cluster.ClusterCommand;
import io.nemeton.node.cluster.NodeConfig;
import io.nemeton.node.cluster.RoleCommand;
import io.nemeton.node.cluster.ZooKeeperCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Nemeton's command line: {@code nemeton <command> [options]}. Exit codes: 0 success, 1 failure
 * while running, 2 bad usage.
 */
public final class Main {
  static final String USAGE = """
      usage: nemeton <command> [options]

      commands:
        start [--config FILE] [--port N] [--data-dir DIR] [--no-sample]
                             run the single server (Druid's HTTP API, default 127.0.0.1:8888,
                             data in var/); on a fresh data directory it loads the Wikipedia sample
        sample [--out DIR]   ingest the bundled Wikipedia sample into segment files under DIR
                             (default: var/sample-segments) and print a summary
        cluster [--historicals N] [--data-dir DIR] [--port N] [--transport ipc|udp]
                             a local cluster, one process per role: ZooKeeper, a coordinator, an
                             indexer, N historicals (default 2) and a broker on 127.0.0.1:8888
        coordinator|broker|historical|indexer --config FILE [--set key=value]...
                             one cluster role alone in this process (see node-roles/README.md)
        help                 this text
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the process exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (args[0]) {
        case "start" -> StartCommand.parse(rest, home()).run(out);
        case "sample" -> SampleCommand.parse(rest, home()).run(out);
        case "cluster" -> usage(() -> ClusterCommand.parse(rest, home())).run(out);
        case "coordinator", "broker", "historical", "indexer" -> usage(() -> RoleCommand.parse(
            NodeConfig.Role.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)), rest, home())).run(out);
        case "zookeeper" -> ZooKeeperCommand.run(rest);
        default -> {
          err.println("nemeton: unknown command \"" + args[0] + "\" (known: start, sample, cluster, coordinator,"
              + " broker, historical, indexer, help)");
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println("nemeton " + args[0] + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("nemeton " + args[0] + ": failed: " + e.getMessage());
      return 1;
    }
  }

  /** A parsed command, with a bad command line or config reported as usage (exit code 2). */
  private static <T> T usage(java.util.concurrent.Callable<T> parse) throws Exception {
    try {
      return parse.call();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The installation root: {@code -Dnemeton.home} (set by bin/nemeton), else the working directory. */
  static Path home() {
    String home = System.getProperty("nemeton.home");
    return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath();
  }

  /** A command line that does not fit the command's options. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
