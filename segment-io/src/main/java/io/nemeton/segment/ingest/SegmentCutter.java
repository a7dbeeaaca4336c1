package io.nemeton.segment.ingest;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.time.Granularity;
import java.io.IOException;
import java.util.Map;

/**
 * Cuts the sorted, rolled-up row stream into segments: a new time chunk whenever a row leaves the
 * current {@code segmentGranularity} bucket, and a new partition of the chunk every {@code
 * maxRowsPerSegment} rows (Druid's dynamic partitioning). Partitions number 0..n-1 per chunk.
 * Each segment goes to the sink as soon as it is complete.
 *
 * <p>Not thread-safe. Holds at most one segment's rows. A full segment's arrays go to the sink; when
 * the sink {@linkplain SegmentSink#releasesSegments() releases} segments they are filled again for
 * the next one, and after the last one they wait in {@link RowColumnsPool} for the next ingestion.
 */
final class SegmentCutter implements RowSink {
  private static final int INITIAL_ROWS = 1 << 14;

  private final InputSchema schema;
  private final SegmentAssembler assembler;
  private final Granularity segmentGranularity;
  private final int maxRowsPerSegment;
  private final String dataSource;
  private final String version;
  private final Map<String, Object> metadata;
  private final SegmentSink sink;
  private RowColumns rows;
  private int nextCapacity = INITIAL_ROWS;
  private int rowCount;
  private long chunkStart;
  private long chunkEnd = Long.MIN_VALUE;
  private int partition;
  int segments;
  long rowsWritten;

  SegmentCutter(InputSchema schema, Aggregation aggregation, Granularity segmentGranularity, int maxRowsPerSegment,
      String dataSource, String version, Map<String, Object> metadata, SegmentSink sink) {
    this.schema = schema;
    this.assembler = new SegmentAssembler(schema, aggregation);
    this.segmentGranularity = segmentGranularity;
    this.maxRowsPerSegment = maxRowsPerSegment;
    this.dataSource = dataSource;
    this.version = version;
    this.metadata = metadata;
    this.sink = sink;
  }

  @Override
  public void accept(RowStore source, int[] order, int from, int count) throws IOException {
    int next = from;
    final int end = from + count;
    while (next < end) {
      if (rows == null) {
        rows = RowColumnsPool.take(schema, Math.min(nextCapacity, maxRowsPerSegment));
      }
      rows.ensureIntColumns(schema.stringFieldCount());
      final long time = source.time(order == null ? next : order[next]);
      if (time >= chunkEnd || time < chunkStart) {
        if (rowCount > 0) {
          emit();
        }
        chunkStart = segmentGranularity.bucketStart(time);
        chunkEnd = segmentGranularity.next(chunkStart);
        partition = 0;
      }
      int inChunk = next;
      while (inChunk < end && source.time(order == null ? inChunk : order[inChunk]) < chunkEnd) {
        inChunk++;
      }
      final int take = Math.min(inChunk - next, maxRowsPerSegment - rowCount);
      if (rows.capacity < rowCount + take) {
        rows.grow((int) Math.min(maxRowsPerSegment, Math.max((long) rows.capacity * 2, (long) rowCount + take)));
      }
      rows.append(source, order, next, take, rowCount);
      rowCount += take;
      next += take;
      if (rowCount == maxRowsPerSegment) {
        emit();
      }
    }
  }

  /**
   * Tells how many rows are still to come at most, so the next segment's columns can be sized once
   * instead of grown by copying.
   */
  @Override
  public void expectRows(long rows) {
    nextCapacity = (int) Math.max(1, Math.min(rows, maxRowsPerSegment));
    if (this.rows == null) {
      // allocated here, once, so the per-slice accept has no first-call branch (the JIT compiles
      // a branch it never saw taken as a trap, and every new ingestion would take it once)
      this.rows = RowColumnsPool.take(schema, Math.min(nextCapacity, maxRowsPerSegment));
    }
  }

  /**
   * Opens the time chunk of {@code time} before any row comes, for the same reason; a first row in
   * another chunk still opens its own.
   */
  @Override
  public void expectFirstTime(long time) {
    if (rowCount == 0) {
      chunkStart = segmentGranularity.bucketStart(time);
      chunkEnd = segmentGranularity.next(chunkStart);
      partition = 0;
    }
  }

  /** Hands over the last segment and keeps the columns no segment holds for the next ingestion. */
  void finish() throws IOException {
    if (rowCount > 0) {
      emit();
    }
    if (rows != null) {
      RowColumnsPool.give(rows);
      rows = null;
    }
  }

  private void emit() throws IOException {
    final SegmentInfo info = new SegmentInfo(dataSource, chunkStart, chunkEnd, version, partition, metadata);
    // a full buffer is handed to the segment as it is; the next segment gets fresh arrays
    final boolean full = rowCount == rows.capacity;
    final ColumnarSegment segment = assembler.assemble(info, rows, rowCount, full);
    final RowColumns handedOver = full ? rows : null;
    if (full) {
      // the next segment will likely fill as much: start it at this size, when it comes
      nextCapacity = rows.capacity;
      rows = null;
    } else {
      rows.clearObjects(0, rowCount);
    }
    rowsWritten += rowCount;
    rowCount = 0;
    partition++;
    segments++;
    sink.accept(segment);
    if (handedOver != null && sink.releasesSegments()) {
      // the sink kept nothing: the next segment refills these arrays (every row it uses is
      // overwritten by append) rather than allocating hundreds of MiB the JVM must zero again
      handedOver.clearObjects(0, handedOver.capacity);
      rows = handedOver;
    }
  }
}
