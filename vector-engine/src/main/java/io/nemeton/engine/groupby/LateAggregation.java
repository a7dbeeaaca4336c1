package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.StringColumn;
import java.util.List;
import org.roaringbitmap.PeekableIntIterator;

/**
 * What a grouped scan that computed only its ranking aggregation needs to compute the others
 * later: the segment, the grouping, and the row ranges scanned. Two ways to finish: {@link
 * #cellsOf} aggregates just the groups a limit kept, reading each group's rows from its value's
 * bitmap (the scan had no filter and one single-value dimension, so those rows inside the ranges
 * are exactly the group's rows); {@link #rescan} scans the segment again with every aggregation,
 * for any other use of the groups. Either way each group's rows are added in row order, as the
 * scan adds them, so sums come out bit for bit the same.
 *
 * <p>Immutable; valid while its segment is open. Each call runs its own scan on the calling thread
 * and closes it before returning.
 */
final class LateAggregation {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final GroupByEngine.Grouping grouping;
  private final QueryableSegment segment;
  private final ScanSettings settings;
  /** Row ranges scanned, as start, end pairs, ascending and disjoint. */
  private final int[] rowRanges;

  LateAggregation(GroupByEngine.Grouping grouping, QueryableSegment segment, ScanSettings settings, int[] rowRanges) {
    this.grouping = grouping;
    this.segment = segment;
    this.settings = settings;
    this.rowRanges = rowRanges.clone();
  }

  /**
   * Cells of every aggregation for the groups of dictionary ids {@code ids[0, count)} of {@code
   * column}: group {@code g} of the result is id {@code ids[g]}.
   */
  GroupCells cellsOf(StringColumn column, int[] ids, int count) {
    final List<Aggregation> aggregations = grouping.aggregations();
    // closed before the cells are returned: they hold their sums in their own table, and the scan's
    // readers (whose blocks they were summed from) are not read again
    try (SegmentScan scan = new SegmentScan(segment, grouping.virtualColumns(), null, settings.vectorSize(),
        settings.maxBitmapUnion(), settings.kernels())) {
      return aggregateGroups(scan, aggregations, column, ids, count);
    }
  }

  /** {@link #cellsOf} over {@code scan}: each group's rows read from its value's bitmap. */
  private GroupCells aggregateGroups(SegmentScan scan, List<Aggregation> aggregations, StringColumn column,
      int[] ids, int count) {
    final GroupCells cells = new GroupCells(scan, aggregations, Math.max(1, count), settings.maxGroupByBytes());
    final Batch batch = new Batch();
    final int[] positions = batch.selection();
    final int[] groupIds = new int[ROWS];
    for (int group = 0; group < count; group++) {
      final PeekableIntIterator rows = column.bitmap(ids[group]).getIntIterator();
      int pending = 0;
      int block = -1;
      for (int r = 0; r < rowRanges.length; r += 2) {
        final int end = rowRanges[r + 1];
        rows.advanceIfNeeded(rowRanges[r]);
        while (rows.hasNext() && rows.peekNext() < end) {
          final int row = rows.next();
          final int rowBlock = row / ROWS;
          if (rowBlock != block || pending == ROWS) {
            if (pending > 0) {
              batch.setSparse(block, pending);
              cells.aggregate(batch, groupIds);
            }
            pending = 0;
            block = rowBlock;
          }
          positions[pending] = row - rowBlock * ROWS;
          groupIds[pending++] = group;
        }
      }
      if (pending > 0) {
        batch.setSparse(block, pending);
        cells.aggregate(batch, groupIds);
      }
    }
    return cells;
  }

  /** The segment scanned again with every aggregation: its groups, keyed as the first scan's. */
  DictionaryGroups rescan() {
    final GroupByEnginePartial partial = GroupByEngine.runSegment(grouping.withoutRanking(), segment, settings);
    final List<DictionaryGroups> parts = partial.dictionaryParts();
    if (parts == null || parts.size() != 1) {
      throw new IllegalStateException("rescanning segment=" + segment.segmentId() + " gave "
          + (parts == null ? "a map of groups" : parts.size() + " parts") + ", expected the dictionary groups of one"
          + " bucket as the first scan");
    }
    return parts.get(0);
  }
}
