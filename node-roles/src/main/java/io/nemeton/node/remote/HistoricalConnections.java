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
 * when closed (the node restarted or went silent). A historical on the same host and the same
 * shared media driver as the broker (it announces {@link #DRIVER_PORT} equal to the broker's and
 * {@link #QUERY_IPC_STREAM_PORT}) is reached over Aeron IPC through the IPC client; any other over
 * UDP. Counts requests in flight per node, which the
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
  /** The announced Aeron IPC stream id of a historical's query server on a shared media driver. */
  public static final String QUERY_IPC_STREAM_PORT = "queryIpcStream";
  /** The announced id of the shared media driver a historical uses ({@link #driverId}). */
  public static final String DRIVER_PORT = "aeronDriver";

  private final QueryClient client;
  private final QueryClient ipcClient;
  private final String host;
  private final int driverId;
  private final long connectTimeoutMs;
  private final long suspectMs;
  private final Map<String, ServerConnection> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Long> suspectUntilMs = new ConcurrentHashMap<>();

  /** Every historical over UDP through {@code client}. */
  public HistoricalConnections(QueryClient client, long connectTimeoutMs, long suspectMs) {
    this(client, null, null, 0, connectTimeoutMs, suspectMs);
  }

  /**
   * @param ipcClient the client whose response stream is {@code aeron:ipc} on the shared media
   *     driver, or null when the broker has its own driver (then every historical is reached over UDP)
   * @param host this broker's host as historicals announce theirs
   * @param driverId {@link #driverId} of the shared driver's directory
   */
  public HistoricalConnections(QueryClient client, QueryClient ipcClient, String host, int driverId,
      long connectTimeoutMs, long suspectMs) {
    this.client = Objects.requireNonNull(client, "client");
    this.ipcClient = ipcClient;
    this.host = host;
    this.driverId = driverId;
    this.connectTimeoutMs = connectTimeoutMs;
    this.suspectMs = suspectMs;
  }

  /**
   * A shared media driver's id as announced: a hash of its directory into [1, 65535] (announced
   * ports must fit there). The host is compared too; should two drivers of one host collide, the
   * IPC connect fails within the connect timeout and the node counts as failed, as an unreachable
   * one does.
   */
  public static int driverId(String aeronDirectory) {
    return (aeronDirectory.hashCode() & Integer.MAX_VALUE) % 65_535 + 1;
  }

  /** The IPC stream of {@code node} when it shares this broker's media driver, else 0. */
  private int ipcStream(NodeAnnouncement node) {
    if (ipcClient == null || !node.host().equals(host)) {
      return 0;
    }
    final Integer driver = node.ports().get(DRIVER_PORT);
    final Integer stream = node.ports().get(QUERY_IPC_STREAM_PORT);
    return driver != null && driver == driverId && stream != null && stream > 0 ? stream : 0;
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
    final int ipcStream = ipcStream(node);
    final String channel = ipcStream > 0 ? "aeron:ipc" : channel(node);
    final int stream = ipcStream > 0 ? ipcStream : QUERY_STREAM_ID;
    final ServerConnection current = open.get(node.name());
    if (current != null && current.isOpen() && current.channel().equals(channel) && current.streamId() == stream) {
      return current;
    }
    synchronized (this) {
      final ServerConnection again = open.get(node.name());
      if (again != null && again.isOpen() && again.channel().equals(channel) && again.streamId() == stream) {
        return again;
      }
      if (again != null) {
        again.close();
      }
      try {
        final ServerConnection made = (ipcStream > 0 ? ipcClient : client).connect(channel, stream, connectTimeoutMs);
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
