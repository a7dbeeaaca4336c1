package io.nemeton.node.view;

import io.nemeton.engine.storage.QueryableSegment;
import java.util.List;

/**
 * Segments pinned for one query by {@link SegmentView#acquire}. They stay open until {@link
 * #close()}; afterwards they must not be touched. Not thread-safe to close twice concurrently;
 * closing twice is otherwise harmless.
 */
public interface SegmentLease extends AutoCloseable {

  /** The pinned segments, in the order their ids were asked for. */
  List<QueryableSegment> segments();

  @Override
  void close();

  /**
   * A lease over {@code segments}, which the caller keeps open for as long as the lease is used;
   * closing it does nothing.
   */
  static SegmentLease of(List<QueryableSegment> segments) {
    return new SegmentLease() {
      @Override
      public List<QueryableSegment> segments() {
        return segments;
      }

      @Override
      public void close() {}
    };
  }
}
