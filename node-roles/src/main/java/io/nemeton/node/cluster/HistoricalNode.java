package io.nemeton.node.cluster;

import io.nemeton.engine.run.EngineChoice;
import io.nemeton.node.historical.Historical;
import io.nemeton.node.historical.HistoricalConfig;
import io.nemeton.node.remote.HistoricalConnections;
import io.nemeton.node.remote.HistoricalQueryHandler;
import io.nemeton.node.remote.EnginePartialCodec;
import io.nemeton.node.storage.LocalDeepStorage;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import io.nemeton.transport.QueryHandler;
import io.nemeton.transport.QueryRequest;
import io.nemeton.transport.QueryServer;
import io.nemeton.transport.QueryServerConfig;
import io.nemeton.transport.ResultSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;

/**
 * A historical process: the {@link Historical} role (ZooKeeper announcements, load queue, segment
 * cache under {@code nodeDirectory/segment-cache}) and a {@link QueryServer} on Aeron UDP answering
 * the broker's queries through {@link HistoricalQueryHandler}. The query port is announced as
 * {@code ports.query}. On a shared media driver ({@link NodeTransport}) a second server listens on
 * an IPC stream, announced as {@code ports.queryIpcStream} with {@code ports.aeronDriver}. Wired top to bottom; {@link #close()} stops in reverse order.
 */
public final class HistoricalNode implements RoleNode {
  private final StartedParts parts = new StartedParts();
  private Historical historical;
  private QueryServer server;
  private Map<String, Integer> announcedPorts = Map.of();

  private HistoricalNode() {}

  public static HistoricalNode start(NodeConfig config) throws Exception {
    final HistoricalNode node = new HistoricalNode();
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
    final LocalDeepStorage deepStorage = new LocalDeepStorage(Files.createDirectories(config.deepStorageDirectory()));
    final EngineChoice engines = Engines.start(config, parts);
    final String driverDirectory = NodeTransport.driverDirectory(config, dir, parts);
    // The server starts first to learn its port; it answers only once the historical is set.
    final AtomicReference<QueryHandler> handler = new AtomicReference<>((request, sink) -> {
      throw new io.nemeton.transport.QueryException(io.nemeton.transport.QueryErrorCodes.QUERY_INTERRUPTED,
          "historical " + config.name() + " is starting");
    });
    final QueryHandler delegate = new QueryHandler() {
      @Override
      public void handle(QueryRequest request, ResultSink sink) throws Exception {
        handler.get().handle(request, sink);
      }

      @Override
      public boolean answersInline(QueryRequest request) {
        return handler.get().answersInline(request);
      }
    };
    server = parts.add(QueryServer.start(QueryServerConfig.of(driverDirectory,
        "aeron:udp?endpoint=" + config.host() + ":" + config.historicalQueryPort(), HistoricalConnections.QUERY_STREAM_ID)
        .withServerName(config.name()).withWorkers(config.queryThreads(), 256).withHeartbeat(250, 2_000), delegate));
    final Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put(HistoricalConnections.QUERY_PORT, queryPort());
    if (config.sharedMediaDriver()) {
      // Brokers on the same shared driver ask over IPC: no driver thread on the path, no socket.
      final int stream = queryPort();
      parts.add(QueryServer.start(QueryServerConfig.of(driverDirectory, "aeron:ipc", stream)
          .withServerName(config.name()).withWorkers(config.queryThreads(), 256).withHeartbeat(250, 2_000), delegate));
      ports.put(HistoricalConnections.QUERY_IPC_STREAM_PORT, stream);
      ports.put(HistoricalConnections.DRIVER_PORT, HistoricalConnections.driverId(driverDirectory));
    }
    announcedPorts = Map.copyOf(ports);
    historical = parts.add(new Historical(new HistoricalConfig(config.name(), config.host(),
        announcedPorts, config.historicalTier(),
        Files.createDirectories(dir.resolve("segment-cache")), config.historicalMaxCacheBytes()), zk, deepStorage));
    handler.set(new HistoricalQueryHandler(historical, engines, new EnginePartialCodec()));
    historical.start();
  }

  /** The UDP port the query server took. */
  public int queryPort() {
    return NodeTransport.port(server.channel());
  }

  public Historical historical() {
    return historical;
  }

  @Override
  public Map<String, Integer> ports() {
    return announcedPorts;
  }

  @Override
  public void close() {
    parts.close();
  }
}
