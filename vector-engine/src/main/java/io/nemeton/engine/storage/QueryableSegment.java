package io.nemeton.engine.storage;

import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.Segment;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * One segment as the query engine sees it, whatever holds it: a mapped segment file ({@link
 * #of(Segment)}) or rows on the heap ({@link #of(ColumnarSegment)}, the in-memory storage that
 * tests and real-time ingest use). Rows are sorted by {@code __time}; values are read a block of
 * {@link #ROWS_PER_BLOCK} rows at a time into per-thread scratch arrays, and a row's position in a
 * block array is {@code row - block * ROWS_PER_BLOCK}.
 *
 * <p>Thread-safe: any number of threads may create readers ({@code numericBlocks},
 * {@code stringColumn(..).newBlocks()}, {@code complexBlocks}); each reader is used by one thread.
 * Everything returned stays valid until {@link #close()}, which does not close a mapped {@link
 * Segment} handed in by the caller unless the adapter was made with {@code ownsSegment}.
 */
public interface QueryableSegment extends AutoCloseable {

  /** Rows per block, for both storages; equal to the segment file's block size. */
  int ROWS_PER_BLOCK = 1024;

  /** The time column's name. */
  String TIME_COLUMN = ColumnarSegment.TIME_COLUMN;

  /** Adapts a mapped segment file; closing the adapter leaves the file open. */
  static QueryableSegment of(Segment segment) {
    return new MappedQueryableSegment(segment, false);
  }

  /** Adapts a mapped segment file that the adapter owns and closes. */
  static QueryableSegment owning(Segment segment) {
    return new MappedQueryableSegment(segment, true);
  }

  /** Adapts rows held on the heap; bitmap indexes are built on first use of each column. */
  static QueryableSegment of(ColumnarSegment segment) {
    return new HeapQueryableSegment(segment);
  }

  SegmentInfo info();

  /**
   * Druid's segment id as its answers print it: {@code dataSource_start_end_version[_partition]}
   * with instants in Druid's form ({@code 2013-08-31T00:00:00.000Z}).
   */
  default String segmentId() {
    final SegmentInfo info = info();
    final String id = info.dataSource() + "_" + IsoInstant.format(info.intervalStartMs()) + "_"
        + IsoInstant.format(info.intervalEndMs()) + "_" + info.version();
    return info.partition() == 0 ? id : id + "_" + info.partition();
  }

  int rowCount();

  /** Blocks of {@link #ROWS_PER_BLOCK} rows, the last one possibly shorter. */
  default int blockCount() {
    return (rowCount() + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
  }

  /** Rows in block {@code block}. */
  default int blockRowCount(int block) {
    return Math.min(ROWS_PER_BLOCK, rowCount() - block * ROWS_PER_BLOCK);
  }

  /** Column names: {@code __time} first, then dimensions and metrics in stored order. */
  List<String> columnNames();

  /** The column's description, or null when the segment has no such column. */
  ColumnInfo column(String name);

  /** The time of the first row; requires at least one row. */
  long minTimeMs();

  /** The time of the last row; requires at least one row. */
  long maxTimeMs();

  /**
   * The first row whose time is at least {@code timeMs}, or {@link #rowCount()}: a binary search,
   * never a scan. Rows {@code [lowerBoundRow(a), lowerBoundRow(b))} are those in {@code [a, b)}.
   */
  int lowerBoundRow(long timeMs);

  /** Bytes the segment takes in its storage. */
  long sizeBytes();

  /** Bytes one column takes in its storage (0 when absent). */
  long columnSizeBytes(String name);

  /**
   * A new per-thread reader of a numeric column, of {@code __time}, or of a string column read as
   * numbers; a missing column reads as all null. Throws {@link IllegalArgumentException} for a
   * complex column.
   */
  NumericBlocks numericBlocks(String name);

  /**
   * The null rows of a numeric column, read-only and valid while the segment is open: empty for
   * {@code __time} and columns without nulls, null when the column is absent or not numeric.
   */
  ImmutableRoaringBitmap numericNullRows(String name);

  /** The string column {@code name}, or null when absent or not a string column. */
  StringColumn stringColumn(String name);

  /** A new per-thread reader of a complex column; throws {@link IllegalArgumentException} if none. */
  ComplexBlocks complexBlocks(String name);

  @Override
  void close();
}
