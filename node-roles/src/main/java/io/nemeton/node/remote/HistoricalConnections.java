package io.nemeton.node.remote;

import io.nemeton.node.zookeeper.NodeAnnouncement;
import io.nemeton.transport.QueryClient;
import io.nemeton.transport.ServerConnection;
import io.nemeton.transport.TransportException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's open connections to historicals, one per node, made on first use and made again
 * when closed (the node restarted or went silent). Counts requests in flight per node, which the
 * broker uses to pick the less loaded replica, and remembers nodes that just failed so that other
 * replicas are preferred for {@code suspectMs}.
 *
 * <p>Thread-safe. Does not own the {@link QueryClient}.
 */
public final class HistoricalConnections {
  /** The Aeron stream id every historical's query server listens on. */
  public static final int QUERY_STREAM_ID = 1001;
  /** The announced port name of a historical's query server (Aeron UDP). */
  public static final String QUERY_PORT = "query";

  private final QueryClient client;
  private final long connectTimeoutMs;
  private final long suspectMs;
  private final Map<String, ServerConnection> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Long> suspectUntilMs = new ConcurrentHashMap<>();

  public HistoricalConnections(QueryClient client, long connectTimeoutMs, long suspectMs) {
    this.client = Objects.requireNonNull(client, "client");
    this.connectTimeoutMs = connectTimeoutMs;
    this.suspectMs = suspectMs;
  }

  /** The channel a historical's query server listens on, from its announcement. */
  public static String channel(NodeAnnouncement node) {
    final Integer port = node.ports().get(QUERY_PORT);
    if (port == null || port <= 0) {
      throw new TransportException("historical " + node.name() + " announces no ports." + QUERY_PORT
          + " (ports=" + node.ports() + ")");
    }
    return "aeron:udp?endpoint=" + node.host() + ":" + port;
  }

  /**
   * An open connection to {@code node}, connecting when there is none.
   *
   * @throws TransportException when it cannot connect in time (the node is then suspect)
   */
  public ServerConnection connection(NodeAnnouncement node) {
    final String channel = channel(node);
    final ServerConnection current = open.get(node.name());
    if (current != null && current.isOpen() && current.channel().equals(channel)) {
      return current;
    }
    synchronized (this) {
      final ServerConnection again = open.get(node.name());
      if (again != null && again.isOpen() && again.channel().equals(channel)) {
        return again;
      }
      if (again != null) {
        again.close();
      }
      try {
        final ServerConnection made = client.connect(channel, QUERY_STREAM_ID, connectTimeoutMs);
        open.put(node.name(), made);
        return made;
      } catch (TransportException e) {
        markFailed(node.name());
        throw e;
      }
    }
  }

  public AtomicInteger inFlight(String node) {
    return inFlight.computeIfAbsent(node, k -> new AtomicInteger());
  }

  public void markFailed(String node) {
    suspectUntilMs.put(node, System.currentTimeMillis() + suspectMs);
  }

  public boolean isSuspect(String node) {
    final Long until = suspectUntilMs.get(node);
    return until != null && until > System.currentTimeMillis();
  }
}
