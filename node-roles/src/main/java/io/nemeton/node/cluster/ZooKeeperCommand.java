package io.nemeton.node.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code nemeton zookeeper --config zoo.cfg [--parent-pid PID]}: a standalone ZooKeeper server
 * (ZooKeeper's own {@code ZooKeeperServerMain}) in this process, for {@code nemeton cluster}.
 */
public final class ZooKeeperCommand {
  private ZooKeeperCommand() {}

  public static int run(String[] args) throws Exception {
    Path config = null;
    long parent = -1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = Path.of(args[++i]);
        case "--parent-pid" -> parent = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option \"" + args[i] + "\" (known: --config FILE, --parent-pid PID)");
      }
    }
    if (config == null || !Files.isRegularFile(config)) {
      throw new IllegalArgumentException("--config " + config + ": needs an existing zoo.cfg");
    }
    if (parent > 0) {
      ParentWatch.exitWhenGone(parent);
    }
    io.nemeton.node.zookeeper.EmbeddedZooKeeper.limitConnections();
    org.apache.zookeeper.server.ZooKeeperServerMain.main(new String[] {config.toAbsolutePath().toString()});
    return 0;
  }
}
