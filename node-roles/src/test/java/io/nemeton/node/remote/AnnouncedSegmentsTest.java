package io.nemeton.node.remote;

import static io.nemeton.node.zookeeper.CoordinationFixture.await;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.node.historical.Historical;
import io.nemeton.node.zookeeper.CoordinationFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's view of the cluster follows ZooKeeper through watches: with a retry period and a
 * safety read far longer than the test, every change (a historical joining, a segment served, a
 * historical gone) and the return of ZooKeeper after an outage still reach the view.
 */
class AnnouncedSegmentsTest {
  /** Longer than the test: a change seen within the deadline came through a watch or a connection event. */
  private static final long NO_POLLING_MS = 600_000;

  @TempDir
  Path dir;

  @Test
  void changesReachTheViewThroughWatches() throws Exception {
    try (CoordinationFixture cluster = new CoordinationFixture(dir);
        AnnouncedSegments view = new AnnouncedSegments(cluster.client(), NO_POLLING_MS).start()) {
      final Historical first = cluster.historical("h1");
      await("h1 seen", () -> view.node("h1") != null);
      final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
      cluster.coordinator("c1", 100);
      await("the segment seen on h1", () -> view.replicas(record.id()).equals(List.of("h1")));
      cluster.historical("h2");
      await("h2 seen", () -> view.node("h2") != null);
      cluster.closeNow(first);
      await("h1 gone", () -> view.node("h1") == null);
      await("the segment moved to h2", () -> view.replicas(record.id()).equals(List.of("h2")));
    }
  }

  @Test
  void aViewKeptThroughAnOutageFollowsAgainAfterIt() throws Exception {
    try (CoordinationFixture cluster = new CoordinationFixture(dir);
        AnnouncedSegments view = new AnnouncedSegments(cluster.client(), NO_POLLING_MS).start()) {
      cluster.historical("h1");
      final SegmentRecord record = cluster.publish("wiki", "2020-01-01", "v1", 0, 1, 10);
      cluster.coordinator("c1", 100);
      await("the segment seen", () -> view.replicas(record.id()).equals(List.of("h1")));
      final int port = cluster.stopZooKeeper();
      await("the read fails", view::isStale);
      // the last known view stays
      await("kept", () -> view.replicas(record.id()).equals(List.of("h1")));
      cluster.restartZooKeeper(port);
      await("read again", () -> !view.isStale());
      cluster.historical("h2");
      await("a change after the outage seen", () -> view.node("h2") != null);
    }
  }
}
