package io.nemeton.node.coordinator;

import static io.nemeton.node.zookeeper.CoordinationFixture.await;
import static io.nemeton.node.zookeeper.CoordinationFixture.servedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.AuditInfo;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.historical.Historical;
import io.nemeton.node.zookeeper.CoordinationFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheckExtension.class)
class CoordinatorTest {
  private static final AuditInfo AUDIT = new AuditInfo("test", "rules under test", "127.0.0.1");

  @TempDir Path dir;
  private CoordinationFixture cluster;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = new CoordinationFixture(dir);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void oneOfTwoCoordinatorsLeadsAndTheOtherTakesOver() throws Exception {
    final Coordinator first = cluster.coordinator("c1", 100);
    final Coordinator second = cluster.coordinator("c2", 100);
    await("one leader", () -> first.isLeader() ^ second.isLeader());
    final Coordinator leader = first.isLeader() ? first : second;
    final Coordinator follower = leader == first ? second : first;
    await("follower knows it follows", () -> follower.status().outcome() == CoordinatorStatus.Outcome.NOT_LEADER);
    cluster.closeNow(leader);
    await("the other leads", follower::isLeader);
    final Historical historical = cluster.historical("h1");
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    follower.runNow();
    await("the new leader assigns", () -> servedIds(historical).equals(List.of(record.id())));
  }

  @Test
  void dropForeverRuleDropsAndLoadForeverLoadsAgain() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("served", () -> historical.served().size() == 1);
    cluster.metadata.rules().setRules("wiki", "[{\"type\":\"dropForever\"}]", AUDIT);
    coordinator.runNow();
    await("dropped by rule", () -> historical.served().isEmpty());
    assertEquals(0.0, coordinator.loadStatus().get("wiki").percentServed());
    cluster.metadata.rules().setRules("wiki",
        "[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":1}}]", AUDIT);
    coordinator.runNow();
    await("loaded again", () -> servedIds(historical).equals(List.of(record.id())));
  }

  @Test
  void loadByIntervalLoadsOnlyItsInterval() throws Exception {
    cluster.metadata.rules().setRules("wiki", "[{\"type\":\"loadByInterval\",\"interval\":"
        + "\"2020-01-01/2020-01-02\",\"tieredReplicants\":{\"_default_tier\":1}},{\"type\":\"dropForever\"}]", AUDIT);
    final SegmentRecord inside = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    cluster.publish("wiki", "2020-01-02", "v1", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("inside served", () -> servedIds(historical).equals(List.of(inside.id())));
    final long runs = coordinator.status().runs();
    await("two more runs", () -> coordinator.status().runs() >= runs + 2);
    assertEquals(List.of(inside.id()), servedIds(historical));
    assertEquals(50.0, coordinator.loadStatus().get("wiki").percentServed());
  }

  @Test
  void replicasPerTierAndLeastLoadedFirst() throws Exception {
    cluster.metadata.rules().setRules("wiki", "[{\"type\":\"loadForever\",\"tieredReplicants\":"
        + "{\"hot\":2,\"_default_tier\":1}}]", AUDIT);
    for (int day = 1; day <= 4; day++) {
      cluster.publish("wiki", "2020-01-0" + day, "v1", 0, 1, 10);
    }
    final Historical hot1 = cluster.historical("hot1", "hot", 1L << 30);
    final Historical hot2 = cluster.historical("hot2", "hot", 1L << 30);
    final Historical cold1 = cluster.historical("cold1", "_default_tier", 1L << 30);
    final Historical cold2 = cluster.historical("cold2", "_default_tier", 1L << 30);
    cluster.coordinator("c1", 100);
    await("every replica placed", () -> hot1.served().size() == 4 && hot2.served().size() == 4
        && cold1.served().size() + cold2.served().size() == 4);
    assertEquals(2, cold1.served().size(), "spread evenly over the default tier");
  }

  @Test
  void zooKeeperAwayChangesNothingAndWorkResumesWhenItIsBack() throws Exception {
    final SegmentRecord first = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("served", () -> historical.served().size() == 1);
    final int port = cluster.stopZooKeeper();
    final SegmentRecord second = cluster.publish("wiki", "2020-01-02", "v1", 0, 1, 10);
    coordinator.runNow();
    await("status says why", () -> coordinator.status().outcome() == CoordinatorStatus.Outcome.ZOOKEEPER_UNAVAILABLE);
    assertTrue(coordinator.status().message().startsWith("zookeeper unavailable, changing nothing"),
        coordinator.status().message());
    try (var lease = historical.acquire(List.of(first.id()))) {
      assertEquals(10, lease.segments().get(0).rowCount(), "still serving");
    }
    cluster.restartZooKeeper(port);
    await("work resumes", () -> historical.served().size() == 2);
    assertTrue(servedIds(historical).contains(second.id()));
  }

  @Test
  void metadataStoreAwayChangesNothing() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final MetadataStore own = MetadataStore.open(MetadataStoreConfig.sqlite(dir.resolve("metadata.sqlite")));
    final Coordinator coordinator = new Coordinator(new CoordinatorConfig("c1", 100), cluster.client(), own);
    try {
      coordinator.start();
      await("served", () -> historical.served().size() == 1);
      own.close();
      coordinator.runNow();
      await("status says why", () -> coordinator.status().outcome() == CoordinatorStatus.Outcome.METADATA_UNAVAILABLE);
      assertTrue(coordinator.status().message().contains("metadata store unavailable"), coordinator.status().message());
      final long runs = coordinator.status().runs();
      await("more runs", () -> coordinator.status().runs() >= runs + 2);
      assertEquals(List.of(record.id()), servedIds(historical), "status quo");
    } finally {
      coordinator.close();
    }
  }
}
