package io.nemeton.node.historical;

import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.metadata.SegmentRecord;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One served segment with a reference count: the historical holds one reference while it serves
 * the segment, each query lease one more. The mapping is closed (and, after a drop, the cached
 * file deleted) when the last reference goes, so no lease ever reads a closed mapping.
 *
 * <p>Thread-safe.
 */
final class ServedSegment {
  private final SegmentRecord record;
  private final QueryableSegment segment;
  private final long sizeBytes;
  private final AtomicInteger references = new AtomicInteger(1);
  private volatile Runnable onLastRelease = () -> {};

  ServedSegment(SegmentRecord record, QueryableSegment segment) {
    this.record = record;
    this.segment = segment;
    this.sizeBytes = segment.sizeBytes();
  }

  SegmentRecord record() {
    return record;
  }

  QueryableSegment segment() {
    return segment;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  /** Takes a reference unless the segment is already closed; true when taken. */
  boolean tryRetain() {
    int current = references.get();
    while (current > 0) {
      if (references.compareAndSet(current, current + 1)) {
        return true;
      }
      current = references.get();
    }
    return false;
  }

  void release() {
    final int left = references.decrementAndGet();
    if (left == 0) {
      segment.close();
      onLastRelease.run();
    } else if (left < 0) {
      throw new IllegalStateException("segment " + record.id() + " released more often than retained");
    }
  }

  /**
   * Gives up the historical's own reference; {@code afterClose} runs once the last lease is closed
   * too (at once when none is open).
   */
  void retire(Runnable afterClose) {
    onLastRelease = afterClose;
    release();
  }
}
