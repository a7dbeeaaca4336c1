package io.nemeton.node.cluster;

import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * Finds the HTTP addresses of the cluster's coordinators and indexers in ZooKeeper, where each
 * announces itself (ephemeral, same JSON as a historical, tier = its role):
 *
 * <pre>
 * /nemeton/nodes/coordinator/&lt;name&gt;   {"name","host","ports":{"http":N},"tier":"coordinator",...}
 * /nemeton/nodes/indexer/&lt;name&gt;       {"name","host","ports":{"http":N},"tier":"indexer",...}
 * </pre>
 *
 * The leading coordinator is the participant of the lowest sequence number under the leader latch
 * ({@link ZooKeeperPaths#COORDINATOR_LEADER}), whose znode data is its name. Used by the broker to
 * forward {@code /druid/coordinator/*} and {@code /druid/indexer/*}. Thread-safe; reads ZooKeeper
 * on each call.
 */
public final class ClusterDirectory {
  public static final String COORDINATORS = ZooKeeperPaths.ROOT + "/nodes/coordinator";
  public static final String INDEXERS = ZooKeeperPaths.ROOT + "/nodes/indexer";

  private final CuratorFramework zk;

  public ClusterDirectory(CuratorFramework zk) {
    this.zk = zk;
  }

  /** The path a coordinator or an indexer announces itself at. */
  public static String path(NodeConfig.Role role, String name) {
    return ZKPaths.makePath(role == NodeConfig.Role.COORDINATOR ? COORDINATORS : INDEXERS, ZooKeeperPaths.encode(name));
  }

  /** What a coordinator or an indexer announces. */
  public static byte[] announcement(NodeConfig config, int httpPort) {
    return new NodeAnnouncement(config.name(), config.host(), Map.of("http", httpPort), config.role().label(), 0,
        System.currentTimeMillis()).toBytes();
  }

  /** The base URL of the path's process: the leading coordinator, an indexer, else null (answer here). */
  public String forwardTarget(String path) {
    try {
      if (path.startsWith("/druid/coordinator/")) {
        return leaderUrl();
      }
      if (path.startsWith("/druid/indexer/")) {
        return first(INDEXERS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot find the process answering " + path
          + " in zookeeper: " + e.getMessage(), e);
    }
    return null;
  }

  private String leaderUrl() throws Exception {
    final List<String> latch = new ArrayList<>(children(ZooKeeperPaths.COORDINATOR_LEADER));
    latch.sort(Comparator.comparing(ClusterDirectory::sequence));
    for (String participant : latch) {
      try {
        final String name = new String(zk.getData().forPath(ZKPaths.makePath(ZooKeeperPaths.COORDINATOR_LEADER,
            participant)), java.nio.charset.StandardCharsets.UTF_8);
        return url(ZKPaths.makePath(COORDINATORS, ZooKeeperPaths.encode(name)));
      } catch (KeeperException.NoNodeException gone) {
        // that participant left meanwhile: the next one leads
      }
    }
    throw new IllegalStateException("no coordinator leads (latch " + ZooKeeperPaths.COORDINATOR_LEADER + " is empty)");
  }

  private String first(String parent) throws Exception {
    for (String child : children(parent)) {
      try {
        return url(ZKPaths.makePath(parent, child));
      } catch (KeeperException.NoNodeException gone) {
        // left meanwhile
      }
    }
    throw new IllegalStateException("no process is announced under " + parent);
  }

  private String url(String path) throws Exception {
    final NodeAnnouncement node = NodeAnnouncement.parse(zk.getData().forPath(path), path);
    return "http://" + node.host() + ":" + node.ports().get("http");
  }

  private List<String> children(String path) throws Exception {
    try {
      return zk.getChildren().forPath(path);
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    }
  }

  private static String sequence(String latchNode) {
    final int dash = latchNode.lastIndexOf('-');
    return dash < 0 ? latchNode : latchNode.substring(dash + 1);
  }
}
