package io.nemeton.node.cluster;

import io.nemeton.metadata.MetadataStore;
import io.nemeton.node.coordinator.Coordinator;
import io.nemeton.node.coordinator.CoordinatorConfig;
import io.nemeton.node.http.Gateway;
import io.nemeton.node.http.GatewayBackends;
import io.nemeton.node.remote.AnnouncedSegments;
import io.nemeton.node.zookeeper.Announcer;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;

/**
 * A coordinator process: the leader-elected {@link Coordinator} over the metadata store and
 * ZooKeeper, and an HTTP gateway answering {@code /druid/coordinator/v1/*} (what is served comes
 * from the historicals' announcements). It announces its HTTP address under {@link
 * ClusterDirectory#COORDINATORS} so brokers can forward to the leader. Wired top to bottom.
 */
public final class CoordinatorNode implements RoleNode {
  private final StartedParts parts = new StartedParts();
  private Gateway gateway;
  private Coordinator coordinator;

  private CoordinatorNode() {}

  public static CoordinatorNode start(NodeConfig config) throws Exception {
    final CoordinatorNode node = new CoordinatorNode();
    try {
      node.startAll(config);
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void startAll(NodeConfig config) throws Exception {
    final MetadataStore metadata = parts.add(MetadataStore.open(config.metadata()));
    final CuratorFramework zk = parts.add(ZooKeeperClients.start(config.zooKeeperConnect()));
    final AnnouncedSegments view = parts.add(new AnnouncedSegments(zk, 1_000));
    view.start();
    gateway = parts.add(Gateway.start(config.gatewayConfig(),
        new GatewayBackends(null, view, metadata, null, () -> coordinator.runNow(), null)));
    final Announcer announcer = parts.add(new Announcer(zk));
    announcer.announce(ClusterDirectory.path(NodeConfig.Role.COORDINATOR, config.name()),
        ClusterDirectory.announcement(config, gateway.port()));
    coordinator = parts.add(new Coordinator(new CoordinatorConfig(config.name(), config.coordinatorPeriodMs(),
        config.coordinatorMaxMoves()), zk,
        metadata));
    coordinator.start();
  }

  public Coordinator coordinator() {
    return coordinator;
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
