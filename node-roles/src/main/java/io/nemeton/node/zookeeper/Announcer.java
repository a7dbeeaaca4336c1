package io.nemeton.node.zookeeper;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Keeps a set of ephemeral znodes in ZooKeeper for as long as this process wants them: each is
 * created at {@link #announce}, created again after a session is lost and a new one made, and
 * deleted at {@link #unannounce} or {@link #close()}.
 *
 * <p>A znode of the same path left by an earlier session of the same node (after a restart, the old
 * session lives until it times out) is replaced, not treated as a conflict. When ZooKeeper is away
 * an announcement is remembered and made once a connection is back, so callers never wait on it.
 *
 * <p>Thread-safe.
 */
public final class Announcer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Announcer.class.getName());

  private final CuratorFramework zk;
  private final Map<String, byte[]> wanted = new ConcurrentHashMap<>();
  private final ConnectionStateListener listener = this::stateChanged;
  private volatile boolean closed;

  public Announcer(CuratorFramework zk) {
    this.zk = Objects.requireNonNull(zk, "zk");
    zk.getConnectionStateListenable().addListener(listener);
  }

  /** Creates (or replaces) the ephemeral znode {@code path} with {@code data}. */
  public void announce(String path, byte[] data) {
    if (closed) {
      throw new IllegalStateException("announcer is closed; cannot announce " + path);
    }
    wanted.put(path, data.clone());
    write(path, data);
  }

  /** Deletes the znode {@code path} and stops keeping it. */
  public void unannounce(String path) {
    if (wanted.remove(path) == null) {
      return;
    }
    try {
      zk.delete().guaranteed().forPath(path);
    } catch (KeeperException.NoNodeException e) {
      // already gone: the goal
    } catch (Exception e) {
      // guaranteed() keeps retrying the delete in the background until the session ends
      LOG.log(Level.WARNING, "zookeeper: unannounce " + path + " deferred: " + e);
    }
  }

  /** True when {@code path} is among the kept announcements. */
  public boolean announced(String path) {
    return wanted.containsKey(path);
  }

  private void write(String path, byte[] data) {
    try {
      createOrReplace(path, data);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "zookeeper: announce " + path + " deferred until reconnected: " + e);
    }
  }

  private void createOrReplace(String path, byte[] data) throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        zk.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, data);
        return;
      } catch (KeeperException.NodeExistsException e) {
        final Stat stat = zk.checkExists().forPath(path);
        if (stat == null) {
          continue;
        }
        final long session = zk.getZookeeperClient().getZooKeeper().getSessionId();
        if (stat.getEphemeralOwner() == session) {
          zk.setData().forPath(path, data);
          return;
        }
        // Left by an earlier session of this node: it would vanish on its own later, taking our
        // announcement with it, so replace it now.
        try {
          zk.delete().withVersion(stat.getVersion()).forPath(path);
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException gone) {
          // someone else moved first; try again
        }
      }
    }
    throw new IllegalStateException("zookeeper: " + path + " kept changing while announcing it");
  }

  private void stateChanged(CuratorFramework client, ConnectionState state) {
    if (closed || (state != ConnectionState.RECONNECTED && state != ConnectionState.CONNECTED)) {
      return;
    }
    // After a lost session the ephemeral znodes are gone; after a blip they are still ours and
    // createOrReplace only rewrites their data.
    for (Map.Entry<String, byte[]> entry : wanted.entrySet()) {
      write(entry.getKey(), entry.getValue());
    }
  }

  /** Deletes every kept announcement. */
  @Override
  public void close() {
    closed = true;
    zk.getConnectionStateListenable().removeListener(listener);
    for (String path : wanted.keySet()) {
      unannounce(path);
    }
  }
}
