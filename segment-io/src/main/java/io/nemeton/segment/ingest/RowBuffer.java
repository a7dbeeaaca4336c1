package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.DimensionType;
import io.nemeton.segment.time.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holds at most {@code maxRowsInMemory} rows. Batches are appended column by column (time
 * truncated to {@code queryGranularity}, rows outside the intervals thrown away).
 *
 * <p>Without rollup (and without sketch states) a full buffer is written to disk unsorted,
 * partitioned by time ({@link TimeBucketRuns}); at the end each slice of time is read back from
 * every run, joined by the rows still in memory and sorted once: no sort per spill and no merge.
 *
 * <p>With rollup (or sketches), when full, the rows are moved into time groups ({@link
 * TimeGroups}, so sorting and gathering stay in cache), sorted, and rows of equal key merged; if
 * that freed at least half the room the rows stay and appending continues, otherwise they are
 * written to disk as a sorted run. At the end the remaining rows are sorted once more and either
 * are the whole result or join the spilled runs in a merge.
 *
 * <p>Not thread-safe.
 */
final class RowBuffer implements AutoCloseable {
  private static final int INITIAL_ROWS = 1 << 16;

  private final InputSchema schema;
  private final Aggregation aggregation;
  private final RowKeys keys;
  private final RowSorter sorter;
  private final TimeGroups timeGroups = new TimeGroups();
  private final Granularity queryGranularity;
  private final IntervalFilter intervals;
  private final boolean rollup;
  private final int maxRows;
  private final ParseErrorLog log;
  private final Path spillDirectory;
  private static final int MAX_MERGE_WIDTH = 64;

  private final List<Run> runs = new ArrayList<>();
  /** Spills partitioned by time, when rows are neither rolled up nor carry sketch states; else null. */
  private final TimeBucketRuns bucketRuns;
  private int runsWritten;
  private final long[] truncated = new long[InputBatch.CAPACITY];
  private final int[] selection = new int[InputBatch.CAPACITY];
  private RowStore rows;
  private RowStore spare;
  private int size;
  /** Smallest and largest time of the rows buffered since the last spill. */
  private long minTime = Long.MAX_VALUE;
  /** The buffered rows' times again, densely, for partitioning by time; null without it. */
  private long[] times;
  private long maxTime = Long.MIN_VALUE;
  /** Smallest time of every row kept so far, spilled or not: where the sorted output starts. */
  private long firstTime = Long.MAX_VALUE;
  private long peakRows;

  RowBuffer(InputSchema schema, Aggregation aggregation, Granularity queryGranularity, IntervalFilter intervals,
      boolean rollup, int maxRows, ParseErrorLog log, Path spillDirectory, long spillMemoryBytes) {
    this.schema = schema;
    this.aggregation = aggregation;
    this.keys = new RowKeys();
    this.sorter = new RowSorter(keys);
    this.queryGranularity = queryGranularity;
    this.intervals = intervals;
    this.rollup = rollup;
    this.maxRows = maxRows;
    this.log = log;
    this.spillDirectory = spillDirectory;
    this.rows = RowStore.forSchema(schema, Math.min(INITIAL_ROWS, maxRows));
    this.bucketRuns = rollup || schema.objectColumns() > 0 ? null : new TimeBucketRuns(spillMemoryBytes);
    this.times = bucketRuns == null ? null : new long[rows.capacity];
  }

  /** Appends the batch's rows (counting each as processed, with error, or thrown away). */
  void append(InputBatch batch) throws IOException {
    final int count = batch.count;
    queryGranularity.bucketStarts(batch.times, 0, count, truncated, 0);
    final boolean filter = !intervals.keepsAll();
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (filter && !intervals.keeps(batch.times[i])) {
        log.thrownAway++;
        continue;
      }
      if (batch.errors[i] != null) {
        log.processedWithError(batch.source, batch.lines[i], batch.errors[i]);
      } else {
        log.processed++;
      }
      selection[kept++] = i;
    }
    rows.ensureIntColumns(schema.stringFieldCount(), size);
    int done = 0;
    while (done < kept) {
      final int limit = limit();
      if (size >= limit) {
        flush(false);
      }
      if (size == rows.capacity) {
        // by four: each growth copies every row so far
        rows.grow((int) Math.min(limit, (long) rows.capacity * 4));
        if (times != null) {
          times = Arrays.copyOf(times, rows.capacity);
        }
      }
      final int n = Math.min(kept - done, rows.capacity - size);
      copy(batch, done, n, size);
      size += n;
      done += n;
      peakRows = Math.max(peakRows, size);
    }
  }

  private void copy(InputBatch batch, int from, int count, int row) {
    final int[] chosen = selection;
    final RowStore store = rows;
    long min = minTime;
    long max = maxTime;
    for (int i = 0; i < count; i++) {
      final long time = truncated[chosen[from + i]];
      store.setTime(row + i, time);
      if (times != null) {
        times[row + i] = time;
      }
      min = Math.min(min, time);
      max = Math.max(max, time);
    }
    // the time range of the buffer, so partitioning by time needs no pass of its own to find it
    minTime = min;
    maxTime = max;
    firstTime = Math.min(firstTime, min);
    for (int s = 0; s < batch.codes.length; s++) {
      final int[] codes = batch.codes[s];
      for (int i = 0; i < count; i++) {
        store.setCode(s, row + i, codes[chosen[from + i]]);
      }
    }
    for (DimensionColumn dimension : schema.dimensions()) {
      if (dimension.type() == DimensionType.STRING) {
        continue;
      }
      final int column = dimension.column();
      final int nullColumn = dimension.nullColumn();
      final int slot = dimension.inputSlot();
      if (dimension.type() == DimensionType.LONG) {
        final long[] values = batch.longs[slot];
        final byte[] nulls = batch.longNulls[slot];
        for (int i = 0; i < count; i++) {
          final int s = chosen[from + i];
          store.setLong(column, row + i, nulls[s] != 0 ? 0 : values[s]);
          store.setNull(nullColumn, row + i, nulls[s]);
        }
      } else {
        final boolean roundToFloat = dimension.type() == DimensionType.FLOAT;
        final double[] values = batch.doubles[slot];
        final byte[] nulls = batch.doubleNulls[slot];
        for (int i = 0; i < count; i++) {
          final int s = chosen[from + i];
          final double value = nulls[s] != 0 ? 0 : values[s];
          store.setDouble(column, row + i, roundToFloat ? (float) value : value);
          store.setNull(nullColumn, row + i, nulls[s]);
        }
      }
    }
    aggregation.init(store, row, batch, chosen, from, count);
  }

  /**
   * Sorts (and rolls up) the rows; spills them unless that freed half the room or {@code keep}.
   * Returns the sorted order of the kept rows, or null when they are kept in order.
   */
  private int[] flush(boolean keep) throws IOException {
    if (bucketRuns != null && !keep) {
      // no sort now: rows are sorted once, bucket by bucket, at the end
      bucketRuns.spill(rows, times, size, minTime, maxTime, spareFor(size), newRunPath());
      size = 0;
      minTime = Long.MAX_VALUE;
      maxTime = Long.MIN_VALUE;
      return null;
    }
    keys.refresh(schema);
    final int[] order;
    if (timeGroups.group(rows, size, spareFor(size))) {
      swap();
      order = sorter.sort(rows, size, timeGroups.ends(), timeGroups.count());
    } else {
      order = sorter.sort(rows, size);
    }
    if (!rollup) {
      if (keep) {
        return order;
      }
      spill(rows, order, size);
      rows.clearObjects(0, size);
      size = 0;
      return null;
    }
    final RowStore target = spareFor(size);
    int groups = 0;
    int i = 0;
    while (i < size) {
      final int first = order[i];
      target.copyRow(rows, first, groups);
      int j = i + 1;
      while (j < size && keys.equal(rows, order[j], rows, first)) {
        j++;
      }
      if (j - i > 1) {
        aggregation.combineGroup(target, groups, rows, order, i + 1, j);
      }
      groups++;
      i = j;
    }
    rows.clearObjects(0, size);
    size = groups;
    swap();
    if (!keep && size > limit() / 2) {
      spill(rows, null, size);
      rows.clearObjects(0, size);
      size = 0;
    }
    return null;
  }

  /**
   * Rows the buffer may hold: {@code maxRowsInMemory}, or fewer when wide rows would pass the
   * largest Java array (2 GiB of row bytes).
   */
  private int limit() {
    return (int) Math.min(maxRows, (Integer.MAX_VALUE - 64L) / rows.rowBytes);
  }

  private RowStore spareFor(int count) {
    // same column counts, not only the same row width: padding can hide a discovered dimension
    if (spare == null || spare.capacity < rows.capacity || spare.rowBytes != rows.rowBytes
        || spare.intColumns != rows.intColumns) {
      spare = new RowStore(rows.capacity, rows.intColumns, rows.longColumns, rows.doubleColumns, rows.nullColumns,
          rows.objectColumns);
    }
    return spare;
  }

  private void swap() {
    final RowStore swap = rows;
    rows = spare;
    spare = swap;
  }

  /** A spilled run and its row count (blocks are sized by it when reading). */
  private record Run(Path path, long rows) {}

  private void spill(RowStore source, int[] order, int count) throws IOException {
    final Path path = newRunPath();
    try (RunFile.Writer writer = new RunFile.Writer(path, source)) {
      writer.append(source, order, 0, count);
    }
    runs.add(new Run(path, count));
  }

  private Path newRunPath() throws IOException {
    Files.createDirectories(spillDirectory);
    return spillDirectory.resolve("run-" + runsWritten++ + ".bin");
  }

  /** Sorts the remaining rows and hands the whole ordered result to {@code out}. */
  void finish(RowSink out) throws IOException {
    if (bucketRuns != null && !bucketRuns.isEmpty()) {
      keys.refresh(schema);
      out.expectRows(size + bucketRuns.rows());
      out.expectFirstTime(firstTime);
      // the buffer's own store, once its rows are grouped, takes one slice of buckets at a time
      rows.ensureIntColumns(schema.stringFieldCount(), size);
      // the buffer's own store, once its rows are grouped, takes one slice of buckets at a time
      bucketRuns.finish(rows, times, size, minTime, maxTime, spareFor(size), rows, limit(), sorter,
          new OversizedBucket(), out);
      rows.clearObjects(0, rows.capacity);
      size = 0;
      return;
    }
    final int[] order = size > 0 ? flush(true) : null;
    keys.refresh(schema);
    long total = size;
    for (Run run : runs) {
      total += run.rows();
    }
    out.expectRows(total);
    if (total > 0) {
      out.expectFirstTime(firstTime);
    }
    if (runs.isEmpty()) {
      if (size > 0) {
        out.accept(rows, order, 0, size);
      }
      return;
    }
    mergeRuns(new RunCursor(rows, order, size), out);
  }

  /** Merges the sorted runs in {@code runs} and, last, {@code inMemory} (may be null) into {@code out}. */
  private void mergeRuns(RunCursor inMemory, RowSink out) throws IOException {
    final RunMerger merger = new RunMerger(keys, aggregation, rollup);
    // bound open files and block memory: merge the oldest runs into one until few enough remain
    while (runs.size() + 1 > MAX_MERGE_WIDTH) {
      final List<Run> group = new ArrayList<>(runs.subList(0, MAX_MERGE_WIDTH));
      final Path path = newRunPath();
      final long merged;
      try (RunFile.Writer writer = new RunFile.Writer(path, RowStore.forSchema(schema, 1))) {
        merge(merger, group, null, writer);
        merged = writer.rows();
      }
      for (Run run : group) {
        Files.deleteIfExists(run.path());
      }
      // the merged run takes the group's place: ties keep going to older input first
      runs.subList(0, MAX_MERGE_WIDTH).clear();
      runs.add(0, new Run(path, merged));
    }
    merge(merger, runs, inMemory, out);
  }

  /** A time bucket too big for memory: its pieces, each sorted into a run, are merged like sorted runs. */
  private final class OversizedBucket implements TimeBucketRuns.OversizedBucket {
    @Override
    public Path newRunPath() throws IOException {
      return RowBuffer.this.newRunPath();
    }

    @Override
    public void merge(List<Path> paths, List<Long> counts, RowSink sink) throws IOException {
      for (int i = 0; i < paths.size(); i++) {
        runs.add(new Run(paths.get(i), counts.get(i)));
      }
      mergeRuns(null, sink);
      for (Run run : runs) {
        Files.deleteIfExists(run.path());
      }
      runs.clear();
    }
  }

  private void merge(RunMerger merger, List<Run> group, RunCursor inMemory, RowSink out) throws IOException {
    final List<RunCursor> cursors = new ArrayList<>();
    try {
      for (Run run : group) {
        final RowStore block = RowStore.forSchema(schema, (int) Math.min(RunFile.BLOCK_ROWS, Math.max(1, run.rows())));
        cursors.add(new RunCursor(new RunFile.Reader(run.path(), block), block));
      }
      if (inMemory != null) {
        cursors.add(inMemory);
      }
      merger.merge(cursors, RowStore.forSchema(schema, RunFile.BLOCK_ROWS), out);
    } finally {
      for (RunCursor cursor : cursors) {
        cursor.close();
      }
    }
  }

  /** Runs spilled, to files or spill memory, merge passes included. */
  int spilledRuns() {
    return runsWritten;
  }

  /** Runs of {@link #spilledRuns()} kept in spill memory instead of a file. */
  int spilledRunsInMemory() {
    return bucketRuns == null ? 0 : bucketRuns.memoryRuns();
  }

  /** The most rows held at once; never above {@code maxRowsInMemory}. */
  long peakRows() {
    return peakRows;
  }

  /** Deletes spilled run files. */
  @Override
  public void close() throws IOException {
    for (Run run : runs) {
      Files.deleteIfExists(run.path());
    }
    if (bucketRuns != null) {
      bucketRuns.close();
    }
    // the buffers' bytes wait in ByteArrayPool for the next ingestion
    if (rows != null) {
      rows.release();
    }
    if (spare != null && spare != rows) {
      spare.release();
    }
    rows = null;
    spare = null;
  }
}
