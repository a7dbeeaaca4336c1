package io.nemeton.node.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nemeton cluster [--historicals N] [--data-dir DIR] [--port N] [--transport ipc|udp]}: a
 * whole cluster on loopback, one process per role: a ZooKeeper server, a coordinator, an indexer,
 * N historicals (default 2) and a broker whose HTTP address (default port 8888) serves everything.
 * With {@code --transport ipc} (the default) this process runs one media driver the children
 * share, and the broker asks the historicals over Aeron IPC; with {@code udp} each child embeds
 * its own driver and they talk over UDP on loopback. Runs until Ctrl-C, then stops them all; the
 * children also stop by themselves if this process is killed.
 */
public final class ClusterCommand {
  /** How long a start waits for every process to serve. */
  static final long READY_TIMEOUT_MS = 120_000;

  private final Path dataDirectory;
  private final int historicals;
  private final int brokerPort;
  private final boolean ipc;

  private ClusterCommand(Path dataDirectory, int historicals, int brokerPort, boolean ipc) {
    this.dataDirectory = dataDirectory;
    this.historicals = historicals;
    this.brokerPort = brokerPort;
    this.ipc = ipc;
  }

  /** @throws IllegalArgumentException for a bad command line */
  public static ClusterCommand parse(String[] args, Path home) {
    Path dir = home.resolve("var/cluster");
    int count = 2;
    int port = 8888;
    boolean ipc = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--historicals" -> count = number(args, ++i, "--historicals", 1, 64);
        case "--data-dir" -> dir = Path.of(text(args, ++i, "--data-dir needs a directory")).toAbsolutePath();
        case "--port" -> port = number(args, ++i, "--port", 0, 65_535);
        case "--transport" -> {
          final String mode = text(args, ++i, "--transport needs ipc or udp");
          if (!mode.equals("ipc") && !mode.equals("udp")) {
            throw new IllegalArgumentException("--transport " + mode + ": must be ipc or udp");
          }
          ipc = mode.equals("ipc");
        }
        default -> throw new IllegalArgumentException("unknown option \"" + args[i]
            + "\" (known: --historicals N, --data-dir DIR, --port N, --transport ipc|udp)");
      }
    }
    return new ClusterCommand(dir, count, port, ipc);
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
    if (ipc) {
      out.println("nemeton cluster: shared media driver in " + processes.startSharedMediaDriver()
          + " (broker to historicals over Aeron IPC)");
    }
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
