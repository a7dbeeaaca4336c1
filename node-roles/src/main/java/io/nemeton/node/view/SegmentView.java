package io.nemeton.node.view;

import io.nemeton.metadata.SegmentRecord;
import java.util.Collection;
import java.util.List;

/**
 * The segments a historical role serves right now: loaded from its local cache, mapped and ready
 * to query. The broker role builds its timeline from {@link #served()} and holds the segments a
 * query reads through a {@link SegmentLease}, so a segment dropped meanwhile is closed only after
 * the last query reading it has finished.
 *
 * <p>Implementations are thread-safe. {@link #served()} returns an immutable snapshot.
 */
public interface SegmentView {

  /** The records of all served segments, in no particular order; an immutable snapshot. */
  List<SegmentRecord> served();

  /**
   * Pins the segments named by {@code segmentIds} for one query. Ids not served (any more) are
   * left out of the lease; the caller compares {@link SegmentLease#segments()} with what it asked
   * for. The lease must be closed.
   */
  SegmentLease acquire(Collection<String> segmentIds);
}
