package io.nemeton.node.historical;

import io.nemeton.node.zookeeper.LoadInstruction;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * One thread carrying out a historical's load queue, {@code /nemeton/loadQueue/<node>/<segmentId>}:
 * it lists the queue with a watch, carries out drops before loads (drops free capacity), and
 * deletes each instruction once done. A failed instruction is deleted too, with a log line: the
 * coordinator assigns the segment again on a later run if it still wants it. The delete is
 * conditional on the version read, so an instruction the coordinator replaced meanwhile is read
 * and carried out again instead of being lost.
 *
 * <p>The watch wakes the thread; it also rescans every {@link #RESCAN_MS} so a watch lost while
 * ZooKeeper was away cannot stall the queue. Not thread-safe; owned by its historical.
 */
final class LoadQueueWorker implements AutoCloseable {
  static final long RESCAN_MS = 1_000;
  private static final System.Logger LOG = System.getLogger(LoadQueueWorker.class.getName());

  private final String node;
  private final String queue;
  private final CuratorFramework zk;
  private final Historical historical;
  private final Semaphore wake = new Semaphore(0);
  private final CuratorWatcher watcher = event -> wake.release();
  private final Thread thread;
  private volatile boolean running = true;

  LoadQueueWorker(String node, CuratorFramework zk, Historical historical) {
    this.node = node;
    this.queue = ZooKeeperPaths.loadQueue(node);
    this.zk = zk;
    this.historical = historical;
    this.thread = Thread.ofPlatform().daemon().name("historical-" + node + "-load-queue").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        drain();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (running) {
          LOG.log(Level.WARNING, "historical " + node + ": load queue " + queue
              + " unreadable, retrying in " + RESCAN_MS + " ms: " + e);
        }
      }
      try {
        wake.tryAcquire(RESCAN_MS, TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void drain() throws Exception {
    List<String> children;
    try {
      children = zk.getChildren().usingWatcher(watcher).forPath(queue);
    } catch (KeeperException.NoNodeException e) {
      try {
        zk.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(queue);
      } catch (KeeperException.NodeExistsException raced) {
        // made by the coordinator meanwhile
      }
      children = zk.getChildren().usingWatcher(watcher).forPath(queue);
    }
    final List<String> loads = new ArrayList<>();
    for (String child : children) {
      if (!running) {
        return;
      }
      final String path = ZKPaths.makePath(queue, child);
      // Drops first; remember loads for a second pass.
      if (!carryOut(path, true)) {
        loads.add(path);
      }
    }
    for (String path : loads) {
      if (!running) {
        return;
      }
      carryOut(path, false);
    }
  }

  /**
   * Carries out the instruction at {@code path}; with {@code dropsOnly}, a load is left alone and
   * false returned. True when the instruction was handled (or is gone).
   */
  private boolean carryOut(String path, boolean dropsOnly) throws Exception {
    while (true) {
      final Stat stat = new Stat();
      final byte[] bytes;
      try {
        bytes = zk.getData().storingStatIn(stat).forPath(path);
      } catch (KeeperException.NoNodeException e) {
        return true;
      }
      LoadInstruction instruction = null;
      try {
        instruction = LoadInstruction.parse(bytes, path);
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "historical " + node + ": deleting unreadable instruction: " + e.getMessage());
      }
      if (instruction != null) {
        if (dropsOnly && instruction.action() == LoadInstruction.Action.LOAD) {
          return false;
        }
        try {
          if (instruction.action() == LoadInstruction.Action.LOAD) {
            historical.load(instruction.segment());
          } else {
            historical.drop(instruction.segmentId());
          }
        } catch (Exception e) {
          LOG.log(Level.WARNING, "historical " + node + ": " + instruction.action() + " of segment "
              + instruction.segmentId() + " failed: " + e.getMessage());
        }
      }
      try {
        zk.delete().withVersion(stat.getVersion()).forPath(path);
        return true;
      } catch (KeeperException.NoNodeException e) {
        return true;
      } catch (KeeperException.BadVersionException e) {
        // Replaced while we worked: read it again.
      }
    }
  }

  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
