package io.nemeton.node.cluster;

import io.nemeton.node.broker.Broker;
import io.nemeton.node.cache.SegmentResultCache;
import io.nemeton.node.http.Gateway;
import io.nemeton.node.http.GatewayBackends;
import io.nemeton.node.remote.AnnouncedSegments;
import io.nemeton.node.remote.HistoricalConnections;
import io.nemeton.node.remote.EnginePartialCodec;
import io.nemeton.node.remote.ScatterGather;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import io.nemeton.transport.QueryClient;
import io.nemeton.transport.QueryClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;

/**
 * A broker process: the timeline from the historicals' ZooKeeper announcements ({@link
 * AnnouncedSegments}), scatter/gather over Aeron UDP, or IPC to historicals on the same shared media
 * driver ({@link NodeTransport}, {@link ScatterGather}), with the per-segment
 * result cache, the {@link Broker} merging and finishing, and the HTTP gateway, which also forwards
 * {@code /druid/coordinator/*} to the leading coordinator and {@code /druid/indexer/*} to an
 * indexer ({@link ClusterDirectory}), so one address serves a client. Wired top to bottom.
 */
public final class BrokerNode implements RoleNode {
  /** How often the broker retries reading the cluster's announcements while ZooKeeper cannot be read (changes are read when their watches fire). */
  static final long POLL_MS = 200;

  private final StartedParts parts = new StartedParts();
  private Gateway gateway;
  private AnnouncedSegments view;
  private SegmentResultCache cache;

  private BrokerNode() {}

  public static BrokerNode start(NodeConfig config) throws Exception {
    final BrokerNode node = new BrokerNode();
    try {
      node.startAll(config);
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void startAll(NodeConfig config) throws Exception {
    final Path dir = Files.createDirectories(config.nodeDirectory());
    final CuratorFramework zk = parts.add(ZooKeeperClients.start(config.zooKeeperConnect()));
    final String driverDirectory = NodeTransport.driverDirectory(config, dir, parts);
    final QueryClient client = parts.add(QueryClient.start(QueryClientConfig.of(driverDirectory,
        "aeron:udp?endpoint=" + config.host() + ":0", 2001).withClientName(config.name()).withHeartbeat(250, 2_000)));
    // On a shared driver, historicals on it answer over IPC to a response stream of this broker's own.
    final QueryClient ipcClient = config.sharedMediaDriver() ? parts.add(QueryClient.start(QueryClientConfig.of(
        driverDirectory, "aeron:ipc", NodeTransport.port(client.responseChannel())).withClientName(config.name())
        .withHeartbeat(250, 2_000))) : null;
    view = parts.add(new AnnouncedSegments(zk, POLL_MS));
    view.start();
    final HistoricalConnections connections = new HistoricalConnections(client, ipcClient, config.host(),
        HistoricalConnections.driverId(driverDirectory), 2_000, 5_000);
    cache = config.brokerCacheBytes() > 0 ? parts.add(new SegmentResultCache(config.brokerCacheBytes())) : null;
    final Broker broker = parts.add(new Broker(view, Engines.start(config, parts),
        new ScatterGather(view, connections, new EnginePartialCodec(), cache), config.queryTimeoutMs()));
    final ClusterDirectory directory = new ClusterDirectory(zk);
    gateway = parts.add(Gateway.start(config.gatewayConfig(),
        new GatewayBackends(broker, view, null, null, null, directory::forwardTarget)));
  }

  public AnnouncedSegments view() {
    return view;
  }

  /** The result cache, or null when {@code nemeton.broker.cacheBytes} is 0. */
  public SegmentResultCache cache() {
    return cache;
  }

  @Override
  public Map<String, Integer> ports() {
    return Map.of("http", gateway.port());
  }

  @Override
  public void close() {
    parts.close();
  }
}
