package io.nemeton.perf.scan;

import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.ComplexBlocks;
import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.StringColumn;
import io.nemeton.segment.SegmentInfo;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A segment that answers like the one it wraps and counts, in a {@link BlockReadCounter}, every
 * column block the engine reads from it, so the benchmark can show from the engine's real code
 * path whether a query scanned rows. Used for one extra, untimed run per query: the wrappers add
 * a copy per block, and numeric readers lose the block min/max the engine uses to skip blocks in
 * range filters (none of the paper queries has one; their time ranges are binary searches).
 *
 * <p>Thread-safe as the wrapped segment is, but the counter is not: one query at a time. Does not
 * close the wrapped segment.
 */
public final class CountingQueryableSegment implements QueryableSegment {
  private final QueryableSegment segment;
  private final BlockReadCounter counter;

  public CountingQueryableSegment(QueryableSegment segment, BlockReadCounter counter) {
    this.segment = segment;
    this.counter = counter;
  }

  @Override
  public SegmentInfo info() {
    return segment.info();
  }

  @Override
  public int rowCount() {
    return segment.rowCount();
  }

  @Override
  public List<String> columnNames() {
    return segment.columnNames();
  }

  @Override
  public ColumnInfo column(String name) {
    return segment.column(name);
  }

  @Override
  public long minTimeMs() {
    return segment.minTimeMs();
  }

  @Override
  public long maxTimeMs() {
    return segment.maxTimeMs();
  }

  @Override
  public int lowerBoundRow(long timeMs) {
    return segment.lowerBoundRow(timeMs);
  }

  @Override
  public long sizeBytes() {
    return segment.sizeBytes();
  }

  @Override
  public long columnSizeBytes(String name) {
    return segment.columnSizeBytes(name);
  }

  @Override
  public NumericBlocks numericBlocks(String name) {
    return new CountingNumericBlocks(segment.numericBlocks(name), counter);
  }

  @Override
  public ImmutableRoaringBitmap numericNullRows(String name) {
    return segment.numericNullRows(name);
  }

  @Override
  public StringColumn stringColumn(String name) {
    final StringColumn column = segment.stringColumn(name);
    return column == null ? null : new CountingStringColumn(column, counter);
  }

  @Override
  public ComplexBlocks complexBlocks(String name) {
    counter.complexReader();
    return segment.complexBlocks(name);
  }

  @Override
  public void close() {
    // the wrapped segment belongs to the caller
  }
}
