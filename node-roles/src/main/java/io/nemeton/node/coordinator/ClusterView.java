package io.nemeton.node.coordinator;

import io.nemeton.node.zookeeper.LoadInstruction;
import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * Reads the historicals' side of the cluster from ZooKeeper: announced nodes, the segments each
 * announces (znode names only, so a read costs one listing per node), and their queues. Stateless.
 */
final class ClusterView {
  private static final System.Logger LOG = System.getLogger(ClusterView.class.getName());

  private ClusterView() {}

  /** Every announced historical; throws when ZooKeeper cannot be read. */
  static List<HistoricalState> read(CuratorFramework zk) throws Exception {
    final List<HistoricalState> out = new ArrayList<>();
    for (String child : children(zk, ZooKeeperPaths.HISTORICALS)) {
      final String path = ZKPaths.makePath(ZooKeeperPaths.HISTORICALS, child);
      final NodeAnnouncement node;
      try {
        node = NodeAnnouncement.parse(zk.getData().forPath(path), path);
      } catch (KeeperException.NoNodeException gone) {
        continue;
      } catch (IllegalArgumentException bad) {
        LOG.log(Level.WARNING, "coordinator: ignoring historical " + path + ": " + bad.getMessage());
        continue;
      }
      final Set<String> served = new HashSet<>();
      for (String segment : children(zk, ZooKeeperPaths.servedSegments(node.name()))) {
        served.add(ZooKeeperPaths.decode(segment));
      }
      final Map<String, LoadInstruction.Action> queued = new HashMap<>();
      final String queue = ZooKeeperPaths.loadQueue(node.name());
      for (String entry : children(zk, queue)) {
        final String entryPath = ZKPaths.makePath(queue, entry);
        try {
          queued.put(ZooKeeperPaths.decode(entry),
              LoadInstruction.parse(zk.getData().forPath(entryPath), entryPath).action());
        } catch (KeeperException.NoNodeException done) {
          // carried out meanwhile
        } catch (IllegalArgumentException bad) {
          LOG.log(Level.WARNING, "coordinator: unreadable instruction " + entryPath + ": " + bad.getMessage());
        }
      }
      out.add(new HistoricalState(node, served, queued));
    }
    return out;
  }

  private static List<String> children(CuratorFramework zk, String path) throws Exception {
    try {
      return zk.getChildren().forPath(path);
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    }
  }
}
