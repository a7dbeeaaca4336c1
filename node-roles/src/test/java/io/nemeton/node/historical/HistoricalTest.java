package io.nemeton.node.historical;

import static io.nemeton.node.zookeeper.CoordinationFixture.await;
import static io.nemeton.node.zookeeper.CoordinationFixture.servedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.coordinator.Coordinator;
import io.nemeton.node.view.SegmentLease;
import io.nemeton.node.zookeeper.CoordinationFixture;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheckExtension.class)
class HistoricalTest {
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
  void publishedSegmentIsAssignedLoadedAndQueryable() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 100);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("segment served", () -> servedIds(historical).equals(List.of(record.id())));
    assertEquals(1, historical.pulls());
    // Announcing is asynchronous (it survives ZooKeeper outages), so wait for it.
    await("segment announced", () -> {
      try {
        return cluster.client().checkExists().forPath(ZooKeeperPaths.servedSegment("h1", record.id())) != null;
      } catch (Exception e) {
        return false;
      }
    });
    await("load status 100%", () -> coordinator.loadStatus().get("wiki").percentServed() == 100.0);
    try (SegmentLease lease = historical.acquire(List.of(record.id(), "missing"))) {
      assertEquals(1, lease.segments().size());
      assertEquals(100, lease.segments().get(0).rowCount());
      assertEquals(record.id(), lease.segments().get(0).segmentId());
    }
  }

  @Test
  void markedUnusedIsDroppedAndDeletedFromTheCache() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("segment served", () -> historical.served().size() == 1);
    assertEquals(1, cluster.metadata.segments().markUnused("wiki"));
    coordinator.runNow();
    await("segment dropped", () -> historical.served().isEmpty());
    await("cache emptied", () -> !Files.exists(historical.config().cacheDir().resolve(record.id())));
    assertTrue(coordinator.loadStatus().isEmpty());
  }

  @Test
  void newerCompleteVersionOvershadowsAndTheOldIsMarkedUnusedAndDropped() throws Exception {
    final SegmentRecord v1 = cluster.publish("wiki", "2020-01-01", "2020-02-01T00:00:00.000Z", 0, 1, 10);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("v1 served", () -> servedIds(historical).equals(List.of(v1.id())));
    final List<SegmentRecord> v2 = cluster.publishAll("wiki", List.of(
        cluster.write("wiki", "2020-01-01", "2020-03-01T00:00:00.000Z", 0, 2, 10),
        cluster.write("wiki", "2020-01-01", "2020-03-01T00:00:00.000Z", 1, 2, 10)));
    coordinator.runNow();
    await("only v2 served", () -> servedIds(historical).size() == 2
        && !servedIds(historical).contains(v1.id()));
    assertFalse(cluster.metadata.segments().segment(v1.id()).orElseThrow().used(), "v1 marked unused");
    assertTrue(servedIds(historical).containsAll(List.of(v2.get(0).id(), v2.get(1).id())));
  }

  @Test
  void restartServesTheCacheAtOnceWithoutPulling() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 50);
    final Historical first = cluster.historical("h1");
    cluster.coordinator("c1", 100);
    await("segment served", () -> first.served().size() == 1);
    cluster.closeNow(first);
    // Nothing to pull from any more: serving again proves the cache was used.
    Files.delete(cluster.deepStorageFile(record));
    final Historical second = cluster.historical("h1");
    assertEquals(List.of(record.id()), servedIds(second), "served as soon as start() returned");
    assertEquals(0, second.pulls());
    try (SegmentLease lease = second.acquire(List.of(record.id()))) {
      assertEquals(50, lease.segments().get(0).rowCount());
    }
  }

  @Test
  void corruptCachedFileIsDeletedAndFetchedAgain() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 2_000);
    final Historical first = cluster.historical("h1");
    cluster.coordinator("c1", 100);
    await("segment served", () -> first.served().size() == 1);
    cluster.closeNow(first);
    final Path cached = dir.resolve("cache-h1").resolve(record.id()).resolve(SegmentCache.SEGMENT_FILE);
    flipByteInTheMiddle(cached);
    final Historical second = cluster.historical("h1");
    await("fetched again and served", () -> second.served().size() == 1);
    assertEquals(1, second.pulls());
  }

  @Test
  void corruptDownloadIsRetriedThenGivenUp() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 2_000);
    flipByteInTheMiddle(cluster.deepStorageFile(record));
    final Historical historical = cluster.historical("h1");
    cluster.coordinator("c1", 60_000);
    await("three downloads", () -> historical.pulls() >= Historical.LOAD_ATTEMPTS);
    assertTrue(historical.served().isEmpty());
    await("nothing left in the cache", () -> !Files.exists(dir.resolve("cache-h1").resolve(record.id())));
  }

  @Test
  void leaseKeepsADroppedSegmentReadableUntilClosed() throws Exception {
    final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 3_000);
    final Historical historical = cluster.historical("h1");
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("segment served", () -> historical.served().size() == 1);
    final Path cacheDir = dir.resolve("cache-h1").resolve(record.id());
    final SegmentLease lease = historical.acquire(List.of(record.id()));
    cluster.metadata.segments().markUnused("wiki");
    coordinator.runNow();
    await("segment dropped", () -> historical.served().isEmpty());
    assertTrue(historical.acquire(List.of(record.id())).segments().isEmpty(), "no new lease on it");
    final QueryableSegment segment = lease.segments().get(0);
    final NumericBlocks added = segment.numericBlocks("added");
    assertEquals(3_000, segment.rowCount());
    assertTrue(Files.exists(cacheDir), "file kept while leased");
    assertTrue(added != null);
    lease.close();
    assertFalse(Files.exists(cacheDir), "file deleted with the last lease");
  }

  @Test
  void loadsPastCapacityAreRefused() throws Exception {
    cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 100);
    final Historical historical = cluster.historical("h1", HistoricalConfig.DEFAULT_TIER, 10);
    final Coordinator coordinator = cluster.coordinator("c1", 100);
    await("a run", () -> coordinator.status().runs() >= 3);
    assertTrue(historical.served().isEmpty());
    assertEquals(0, historical.pulls());
    assertEquals(0.0, coordinator.loadStatus().get("wiki").percentServed());
  }

  private static void flipByteInTheMiddle(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      final long at = channel.size() / 2;
      final ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, at);
      one.put(0, (byte) (one.get(0) ^ 0x5A));
      one.rewind();
      channel.write(one, at);
    }
  }
}
