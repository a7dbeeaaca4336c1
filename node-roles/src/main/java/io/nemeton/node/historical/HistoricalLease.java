package io.nemeton.node.historical;

import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.node.view.SegmentLease;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The segments one query pinned on a {@link Historical}; closing releases them once. */
final class HistoricalLease implements SegmentLease {
  private final List<ServedSegment> pinned;
  private final List<QueryableSegment> segments;
  private final AtomicBoolean closed = new AtomicBoolean();

  HistoricalLease(List<ServedSegment> pinned) {
    this.pinned = pinned;
    final List<QueryableSegment> out = new ArrayList<>(pinned.size());
    for (ServedSegment s : pinned) {
      out.add(s.segment());
    }
    this.segments = List.copyOf(out);
  }

  @Override
  public List<QueryableSegment> segments() {
    return segments;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (ServedSegment s : pinned) {
        s.release();
      }
    }
  }
}
