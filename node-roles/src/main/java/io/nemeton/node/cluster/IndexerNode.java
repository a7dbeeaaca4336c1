package io.nemeton.node.cluster;

import io.nemeton.metadata.MetadataStore;
import io.nemeton.node.http.Gateway;
import io.nemeton.node.http.GatewayBackends;
import io.nemeton.node.indexing.TaskRunner;
import io.nemeton.node.storage.LocalDeepStorage;
import io.nemeton.node.zookeeper.Announcer;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import java.nio.file.Files;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;

/**
 * An indexer process: the {@link TaskRunner} (tasks push to the shared deep storage and publish to
 * the metadata store; the coordinator's next run assigns what they published) and an HTTP gateway
 * answering {@code /druid/indexer/v1/*}. It announces its HTTP address under {@link
 * ClusterDirectory#INDEXERS} so brokers can forward to it. Wired top to bottom.
 */
public final class IndexerNode implements RoleNode {
  private final StartedParts parts = new StartedParts();
  private Gateway gateway;
  private TaskRunner tasks;

  private IndexerNode() {}

  public static IndexerNode start(NodeConfig config) throws Exception {
    final IndexerNode node = new IndexerNode();
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
    final LocalDeepStorage deepStorage = new LocalDeepStorage(Files.createDirectories(config.deepStorageDirectory()));
    tasks = parts.add(new TaskRunner(config.indexer(), metadata, deepStorage, () -> { }));
    tasks.start();
    final CuratorFramework zk = parts.add(ZooKeeperClients.start(config.zooKeeperConnect()));
    gateway = parts.add(Gateway.start(config.gatewayConfig(),
        new GatewayBackends(null, null, null, tasks, null, null)));
    parts.add(new Announcer(zk)).announce(ClusterDirectory.path(NodeConfig.Role.INDEXER, config.name()),
        ClusterDirectory.announcement(config, gateway.port()));
  }

  public TaskRunner tasks() {
    return tasks;
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
