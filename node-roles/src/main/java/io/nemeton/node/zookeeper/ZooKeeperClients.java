package io.nemeton.node.zookeeper;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/**
 * Builds Curator clients with the timeouts every Nemeton role uses. A session outlives short
 * network blips ({@link #SESSION_TIMEOUT_MS}); an operation retries with bounded backoff for a few
 * seconds and then fails, so a caller that keeps the status quo learns quickly that ZooKeeper is
 * away instead of hanging.
 */
public final class ZooKeeperClients {
  /** Ephemeral announcements vanish this long after a node dies without closing its session. */
  public static final int SESSION_TIMEOUT_MS = 10_000;
  public static final int CONNECTION_TIMEOUT_MS = 5_000;
  private static final int RETRY_BASE_MS = 100;
  private static final int RETRY_MAX_MS = 1_000;
  private static final int RETRIES = 5;

  private ZooKeeperClients() {}

  /**
   * A started client for {@code connectString} ({@code host:port[,host:port...]}). It connects in
   * the background; {@link #connect(String, long)} also waits for the first connection.
   */
  public static CuratorFramework start(String connectString) {
    if (connectString == null || connectString.isBlank()) {
      throw new IllegalArgumentException("zookeeper connectString must be host:port, got '"
          + connectString + "'");
    }
    final CuratorFramework client = CuratorFrameworkFactory.builder()
        .connectString(connectString)
        .sessionTimeoutMs(SESSION_TIMEOUT_MS)
        .connectionTimeoutMs(CONNECTION_TIMEOUT_MS)
        .retryPolicy(new BoundedExponentialBackoffRetry(RETRY_BASE_MS, RETRY_MAX_MS, RETRIES))
        .build();
    client.start();
    return client;
  }

  /**
   * A started client that is connected, waiting at most {@code timeoutMs}.
   *
   * @throws IllegalStateException naming the address when no connection came in time
   */
  public static CuratorFramework connect(String connectString, long timeoutMs) {
    Objects.requireNonNull(connectString, "connectString");
    final CuratorFramework client = start(connectString);
    boolean connected = false;
    try {
      connected = client.blockUntilConnected((int) Math.min(Integer.MAX_VALUE, timeoutMs),
          TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!connected) {
      client.close();
      throw new IllegalStateException("zookeeper at " + connectString + ": no connection within "
          + timeoutMs + " ms");
    }
    return client;
  }
}
