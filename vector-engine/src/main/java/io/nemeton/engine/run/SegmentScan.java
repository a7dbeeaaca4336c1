package io.nemeton.engine.run;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.GroupAggregator;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.cursor.SegmentCursor;
import io.nemeton.engine.filter.FilterPlan;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.virtual.VirtualColumn;
import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.ScanScratch;
import java.util.List;

/**
 * Everything one thread needs to scan one segment for one query: the shared column readers, the
 * filter planned for this segment, a cursor and its batch, the kernels and the batch size. Built
 * once per segment by the per-type engines.
 *
 * <p>The batch's selection and the numeric readers' decode buffers are lent by the thread's {@link
 * ScanScratch}; {@link #close()} hands them back once the scan and everything it returned are no
 * longer used, so the next scan on this thread allocates none of them. A scan never closed only
 * leaves them to the garbage collector.
 *
 * <p>Not thread-safe: built, used and closed on one thread.
 */
public final class SegmentScan implements AutoCloseable {
  private final QueryableSegment segment;
  private final BlockColumns columns;
  private final FilterPlanner planner;
  private final FilterPlan filter;
  private final SegmentCursor cursor;
  private final Batch batch = new Batch(ScanScratch.forThread().takeInts());
  private final Kernels kernels;
  private NumericBlocks times;
  private boolean closed;

  public SegmentScan(QueryableSegment segment, List<VirtualColumn> virtualColumns, Filter filter, int vectorSize,
      int maxBitmapUnion, Kernels kernels) {
    this.segment = segment;
    this.columns = new BlockColumns(segment, virtualColumns);
    this.planner = new FilterPlanner(columns, maxBitmapUnion);
    this.filter = planner.plan(filter);
    this.cursor = new SegmentCursor(vectorSize, this.filter.rows(), this.filter.matcher());
    this.kernels = kernels;
  }

  public QueryableSegment segment() {
    return segment;
  }

  public BlockColumns columns() {
    return columns;
  }

  public FilterPlanner planner() {
    return planner;
  }

  public Kernels kernels() {
    return kernels;
  }

  /** Whether the filter leaves no row of this segment (then nothing needs reading). */
  public boolean matchesNothing() {
    return filter.matchesNothing();
  }

  /** Positions the cursor on rows {@code [startRow, endRow)}. */
  public void reset(int startRow, int endRow) {
    cursor.reset(startRow, endRow);
  }

  /**
   * The next batch of matching rows of the current range, or null when done. A scan whose thread
   * was interrupted (query cancelled or timed out) stops here with a {@code QUERY_INTERRUPTED}.
   */
  public Batch next() {
    if (Thread.currentThread().isInterrupted()) {
      throw new QueryException(QueryErrorCode.QUERY_INTERRUPTED, "scan of segment=" + segment.segmentId()
          + " interrupted (query cancelled or timed out)");
    }
    return cursor.next(batch) ? batch : null;
  }

  /** New group aggregators of {@code aggregations} for this segment. */
  public GroupAggregator[] groupAggregators(List<Aggregation> aggregations) {
    final GroupAggregator[] result = new GroupAggregator[aggregations.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = aggregations.get(i).newGroupAggregator(columns, planner, kernels);
    }
    return result;
  }

  /** The time of row {@code row}. */
  public long timeAt(int row) {
    if (times == null) {
      times = columns.numeric(QueryableSegment.TIME_COLUMN);
    }
    return times.longs(row / QueryableSegment.ROWS_PER_BLOCK)[row % QueryableSegment.ROWS_PER_BLOCK];
  }

  /**
   * Hands the batch's selection and the column readers' scratch back to this thread's {@link
   * ScanScratch}. Call on the scanning thread once nothing reads the batch, the columns or the
   * arrays they returned; calling it again does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    columns.release();
    ScanScratch.forThread().giveInts(batch.selection());
  }
}
