package io.nemeton.node.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nemeton cluster [--historicals N] [--data-dir DIR] [--port N]}: a whole cluster on
 * loopback, one process per role: a ZooKeeper server, a coordinator, an indexer, N historicals
 * (default 2) and a broker whose HTTP address (default port 8888) serves everything. Runs until
 * Ctrl-C, then stops them all; the children also stop by themselves if this process is killed.
 */
public final class ClusterCommand {
  /** How long a start waits for every process to serve. */
  static final long READY_TIMEOUT_MS = 120_000;

  private final Path dataDirectory;
  private final int historicals;
  private final int brokerPort;

  private ClusterCommand(Path dataDirectory, int historicals, int brokerPort) {
    this.dataDirectory = dataDirectory;
    this.historicals = historicals;
    this.brokerPort = brokerPort;
  }

  /** @throws IllegalArgumentException for a bad command line */
  public static ClusterCommand parse(String[] args, Path home) {
    Path dir = home.resolve("var/cluster");
    int count = 2;
    int port = 8888;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--historicals" -> count = number(args, ++i, "--historicals", 1, 64);
        case "--data-dir" -> dir = Path.of(text(args, ++i, "--data-dir needs a directory")).toAbsolutePath();
        case "--port" -> port = number(args, ++i, "--port", 0, 65_535);
        default -> throw new IllegalArgumentException("unknown option \"" + args[i]
            + "\" (known: --historicals N, --data-dir DIR, --port N)");
      }
    }
    return new ClusterCommand(dir, count, port);
  }

  private static String text(String[] args, int i, String missing) {
    if (i >= args.length) {
      throw new IllegalArgumentException(missing);
    }
    return args[i];
  }

  private static int number(String[] args, int i, String option, int min, int max) {
    final String value = text(args, i, option + " needs a number");
    try {
      final int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new IllegalArgumentException(option + " " + value + ": must be a whole number between " + min + " and " + max);
  }

  public int run(PrintStream out) throws Exception {
    final long startNs = System.nanoTime();
    final ClusterProcesses processes = new ClusterProcesses(dataDirectory, "768m");
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      processes.close();
      stopped.countDown();
    }, "nemeton-cluster-stop"));
    processes.startZooKeeper(READY_TIMEOUT_MS);
    out.println("nemeton cluster: zookeeper on " + processes.zooKeeperConnect());
    final List<ClusterProcesses.Child> roles = new ArrayList<>();
    roles.add(processes.start(NodeConfig.Role.COORDINATOR, 1, List.of("nemeton.port=0")));
    roles.add(processes.start(NodeConfig.Role.INDEXER, 1, List.of("nemeton.port=0")));
    for (int n = 1; n <= historicals; n++) {
      roles.add(processes.start(NodeConfig.Role.HISTORICAL, n, List.of("nemeton.port=0")));
    }
    final ClusterProcesses.Child broker = processes.start(NodeConfig.Role.BROKER, 1, List.of("nemeton.port=" + brokerPort));
    roles.add(broker);
    processes.awaitReady(roles, READY_TIMEOUT_MS);
    out.printf("nemeton cluster: %d processes ready in %,d ms (pids in %s, logs in %s)%n", roles.size() + 1,
        (System.nanoTime() - startNs) / 1_000_000, dataDirectory.resolve("pids"), dataDirectory.resolve("logs"));
    out.printf("nemeton cluster: broker on http://127.0.0.1:%d (queries, /druid/indexer/*, /druid/coordinator/*)%n",
        broker.port("http"));
    out.flush();
    stopped.await();
    return 0;
  }
}
