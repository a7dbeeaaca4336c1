package io.nemeton.segment.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spilled rows partitioned by time instead of sorted: a full buffer is moved, in one sequential
 * pass, into buckets of a fixed grid of time ranges ({@code time >> shift}, aligned to 0, so a
 * bucket of a coarser grid is a whole number of buckets of a finer one) and written as it is, in
 * bucket order, input order kept within a bucket. At the end each bucket is read back from every
 * run (the runs are read sequentially, bucket after bucket), joined by the rows still in memory,
 * sorted once while it is in cache and handed on: one sort per row and no k-way merge. Rows of
 * equal time always share a bucket, and a bucket's pieces are joined in input order, so the stable
 * sort gives the same order as sorting everything at once.
 *
 * <p>A bucket holding more than {@code maxRows} rows (skewed times, one time for everything) is
 * sorted piece by piece into sorted runs that are merged ({@link OversizedBucket}). Rows carry no
 * sketch states here and are not rolled up: {@link RowBuffer} uses this only without either.
 *
 * <p>A run is the {@link RowStore} row bytes of the buckets one after the other; the bucket ids and
 * row counts stay in memory. While the ingestion's spill memory ({@link
 * IngestOptions#spillMemoryBytes()}) has room, a run is kept in an array from {@link ByteArrayPool}
 * instead of a file: the same bytes, read back by copying, without the kernel's page cache.
 * Not thread-safe. Holds one grouped copy of a buffer while spilling, per run the ids and counts
 * of its buckets, and the runs kept in memory.
 */
final class TimeBucketRuns implements AutoCloseable {
  /**
   * Rows a bucket of one flush aims at. Small, so that buckets joined over many runs still fit a
   * slice (runs are read through a buffer: small pieces cost no extra reads); not too small, since
   * every bucket is a stream of writes while grouping, and a few thousand streams miss the
   * processor's address translation cache on nearly every row.
   */
  private static final int PIECE_ROWS = 256;
  /** Rows a slice of consecutive buckets aims at when sorted at the end: a few hundred KiB. */
  private static final int SLICE_ROWS = 8192;
  private static final int READ_BYTES = 1 << 18;
  private static final int MIN_BUCKETS = 1024;
  /** Most buckets of one flush (a counter each); a wider span coarsens the grid. */
  private static final int MAX_BUCKETS = 1 << 16;
  private static final int WRITE_BYTES = 1 << 20;
  /** Runs read through a buffer and an open file each; past this, each piece opens its file. */
  private static final int MAX_OPEN_RUNS = 64;

  /** Sorts and merges a bucket too big to sort in memory; rows arrive as sorted pieces. */
  interface OversizedBucket {
    /** A path for a sorted piece. */
    Path newRunPath() throws IOException;

    /** Merges the sorted run files (oldest input first) into {@code out} and deletes them. */
    void merge(List<Path> runs, List<Long> rows, RowSink out) throws IOException;
  }

  private static final class Run {
    /** The run's file; null when it is kept in {@link #memory}. */
    final Path path;
    /** The run's bytes when kept in memory, until it is read to the end; null for a file. */
    byte[] memory;
    final int shift;
    final int intColumns;
    final int rowBytes;
    final long[] ids;
    final int[] counts;
    FileChannel channel;
    ByteBuffer buffer;
    int next;
    long position;

    Run(Path path, int shift, int intColumns, int rowBytes, long[] ids, int[] counts) {
      this.path = path;
      this.shift = shift;
      this.intColumns = intColumns;
      this.rowBytes = rowBytes;
      this.ids = ids;
      this.counts = counts;
    }
  }

  private final List<Run> runs = new ArrayList<>();
  /** Bytes of spill memory this ingestion may still take for runs. */
  private long memoryLeft;
  private int shift = -1;
  private int[] counters = new int[0];
  private long[] groupIds = new long[0];
  private int[] groupRows = new int[0];
  private int groups;
  private byte[] narrow = new byte[0];

  /** @param spillMemoryBytes how many bytes of runs may be kept in memory instead of files */
  TimeBucketRuns(long spillMemoryBytes) {
    this.memoryLeft = spillMemoryBytes;
  }

  /** Runs kept in memory instead of a file so far (read or not). */
  int memoryRuns() {
    int count = 0;
    for (Run run : runs) {
      count += run.path == null ? 1 : 0;
    }
    return count;
  }

  boolean isEmpty() {
    return runs.isEmpty();
  }

  int runCount() {
    return runs.size();
  }

  /** Rows spilled so far. */
  long rows() {
    long total = 0;
    for (Run run : runs) {
      for (int count : run.counts) {
        total += count;
      }
    }
    return total;
  }

  /**
   * Groups rows {@code [0, count)} of {@code rows}, whose times ({@code times[row]}, beside the
   * rows so the counting pass reads 8 bytes a row, not a cache line) lie in {@code [minTime,
   * maxTime]}, into {@code grouped} (same layout, room for {@code count}) and keeps them as a new
   * run: in spill memory while it has room, else in the file {@code path}.
   */
  void spill(RowStore rows, long[] times, int count, long minTime, long maxTime, RowStore grouped, Path path)
      throws IOException {
    group(rows, times, count, minTime, maxTime, grouped);
    final long bytes = (long) count * grouped.rowBytes;
    final long storeBytes = (long) grouped.capacity * grouped.rowBytes;
    if (grouped.bytes.length <= memoryLeft && storeBytes <= Integer.MAX_VALUE - ByteArrayPool.GRAIN) {
      // the grouped rows become the run as they are; the store takes another array for the next spill
      final byte[] memory = grouped.bytes;
      memoryLeft -= memory.length;
      grouped.bytes = ByteArrayPool.take((int) storeBytes, Long.MAX_VALUE);
      final Run run = new Run(null, shift, grouped.intColumns, grouped.rowBytes, Arrays.copyOf(groupIds, groups),
          Arrays.copyOf(groupRows, groups));
      run.memory = memory;
      runs.add(run);
      return;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      // slices bound the direct buffer the channel copies a heap array through
      for (long done = 0; done < bytes; ) {
        final int n = (int) Math.min(WRITE_BYTES, bytes - done);
        final ByteBuffer slice = ByteBuffer.wrap(grouped.bytes, (int) done, n);
        while (slice.hasRemaining()) {
          channel.write(slice);
        }
        done += n;
      }
    }
    runs.add(new Run(path, shift, grouped.intColumns, grouped.rowBytes, Arrays.copyOf(groupIds, groups),
        Arrays.copyOf(groupRows, groups)));
  }

  /**
   * Moves rows into {@code target} bucket by bucket, input order kept within a bucket; sets the
   * grid on the first call and coarsens it when a span needs more than {@link #MAX_BUCKETS}.
   * Leaves the non-empty buckets' ids and row counts in {@code groupIds}/{@code groupRows}.
   */
  private void group(RowStore source, long[] times, int count, long min, long max, RowStore target) {
    if (shift < 0) {
      // at least MIN_BUCKETS: a small first buffer must not fix a coarse grid for all later ones
      final int wanted = Math.max(MIN_BUCKETS, count / PIECE_ROWS);
      // the span as unsigned: max - min may pass Long.MAX_VALUE
      final int spanBits = 64 - Long.numberOfLeadingZeros(max - min);
      shift = Math.max(0, spanBits - (31 - Integer.numberOfLeadingZeros(wanted)));
    }
    while (Long.compareUnsigned((max >> shift) - (min >> shift), MAX_BUCKETS - 1) > 0) {
      shift++;
    }
    final long base = min >> shift;
    final int buckets = (int) ((max >> shift) - base) + 1;
    if (counters.length < buckets) {
      counters = new int[buckets];
    }
    final int[] starts = counters;
    Arrays.fill(starts, 0, buckets, 0);
    final int bits = shift;
    for (int r = 0; r < count; r++) {
      starts[(int) ((times[r] >> bits) - base)]++;
    }
    groups = 0;
    int offset = 0;
    for (int b = 0; b < buckets; b++) {
      final int rows = starts[b];
      if (rows > 0) {
        if (groups == groupIds.length) {
          groupIds = Arrays.copyOf(groupIds, Math.max(16, groups * 2));
          groupRows = Arrays.copyOf(groupRows, groupIds.length);
        }
        groupIds[groups] = base + b;
        groupRows[groups] = rows;
        groups++;
      }
      starts[b] = offset;
      offset += rows;
    }
    for (int r = 0; r < count; r++) {
      final int b = (int) ((times[r] >> bits) - base);
      target.copyRow(source, r, starts[b]++);
    }
  }

  /**
   * Hands every row, spilled and the {@code count} in {@code rows} (times in {@code times} and
   * within {@code [minTime, maxTime]}), to {@code out} in sorted order. {@code grouped} takes the
   * in-memory rows grouped; {@code work} (grown up to {@code maxRows}) takes one slice of
   * consecutive buckets at a time and may be {@code rows} itself. {@code sorter}'s keys must be
   * refreshed.
   */
  void finish(RowStore rows, long[] times, int count, long minTime, long maxTime, RowStore grouped, RowStore work,
      int maxRows, RowSorter sorter, OversizedBucket oversized, RowSink out) throws IOException {
    int memoryGroups = 0;
    long[] memoryIds = new long[0];
    int[] memoryRows = new int[0];
    if (count > 0) {
      group(rows, times, count, minTime, maxTime, grouped);
      memoryGroups = groups;
      memoryIds = Arrays.copyOf(groupIds, groups);
      memoryRows = Arrays.copyOf(groupRows, groups);
    }
    final int finalShift = shift;
    final long[] ids = finalIds(memoryIds, memoryGroups, finalShift);
    final long[] idRows = rowsPerId(ids, memoryIds, memoryRows, memoryGroups, finalShift);
    // below maxRows only a slice of one bucket can be too big to sort in memory
    final long sliceRows = Math.min(SLICE_ROWS, maxRows);
    RowStore sorted = null;
    int memoryNext = 0;
    int memoryStart = 0;
    int first = 0;
    while (first < ids.length) {
      // a slice of consecutive buckets, so the sorts are big enough to pay their fixed costs
      long total = idRows[first];
      int end = first + 1;
      while (end < ids.length && total + idRows[end] <= sliceRows) {
        total += idRows[end++];
      }
      final long last = ids[end - 1];
      int memoryPiece = 0;
      while (memoryNext < memoryGroups && memoryIds[memoryNext] <= last) {
        memoryPiece += memoryRows[memoryNext++];
      }
      if (total <= maxRows) {
        final int n = (int) total;
        ensureCapacity(work, n, maxRows);
        int at = 0;
        for (final Run run : runs) {
          at += read(run, last, finalShift, work, at);
        }
        System.arraycopy(grouped.bytes, memoryStart * grouped.rowBytes, work.bytes, at * work.rowBytes,
            memoryPiece * work.rowBytes);
        final int[] order = sorter.sort(work, n);
        if (n <= 4 * SLICE_ROWS) {
          // rows in sorted order, then column by column: cheaper for the sink than scattered reads
          if (sorted == null || sorted.capacity < n) {
            sorted = new RowStore(Math.max(n, SLICE_ROWS), work.intColumns, work.longColumns, work.doubleColumns,
                work.nullColumns, work.objectColumns);
          }
          sorted.gather(work, order, 0, n, 0);
          out.accept(sorted, null, 0, n);
        } else {
          out.accept(work, order, 0, n);
        }
      } else {
        final List<Path> paths = new ArrayList<>();
        final List<Long> counts = new ArrayList<>();
        for (final Run run : runs) {
          ensureCapacity(work, (int) Math.min(maxRows, rowsUpTo(run, last, finalShift)), maxRows);
          final int n = read(run, last, finalShift, work, 0);
          if (n > 0) {
            paths.add(sortedPiece(work, n, sorter, oversized.newRunPath()));
            counts.add((long) n);
          }
        }
        if (memoryPiece > 0) {
          ensureCapacity(work, memoryPiece, maxRows);
          System.arraycopy(grouped.bytes, memoryStart * grouped.rowBytes, work.bytes, 0, memoryPiece * work.rowBytes);
          paths.add(sortedPiece(work, memoryPiece, sorter, oversized.newRunPath()));
          counts.add((long) memoryPiece);
        }
        oversized.merge(paths, counts, out);
      }
      memoryStart += memoryPiece;
      first = end;
    }
  }

  private static void ensureCapacity(RowStore store, int rows, int maxRows) {
    if (store.capacity < rows) {
      store.grow(Math.max(rows, (int) Math.min(maxRows, (long) store.capacity * 2)));
    }
  }

  /** Every bucket id at {@code finalShift}, ascending, once. */
  private long[] finalIds(long[] memoryIds, int memoryGroups, int finalShift) {
    int total = memoryGroups;
    for (Run run : runs) {
      total += run.ids.length;
    }
    final long[] all = new long[total];
    int n = 0;
    for (Run run : runs) {
      final int delta = finalShift - run.shift;
      for (long id : run.ids) {
        all[n++] = id >> delta;
      }
    }
    System.arraycopy(memoryIds, 0, all, n, memoryGroups);
    Arrays.sort(all);
    int unique = 0;
    for (int i = 0; i < total; i++) {
      if (unique == 0 || all[unique - 1] != all[i]) {
        all[unique++] = all[i];
      }
    }
    return Arrays.copyOf(all, unique);
  }

  /** Rows of each final bucket over all runs and memory. */
  private long[] rowsPerId(long[] ids, long[] memoryIds, int[] memoryRows, int memoryGroups, int finalShift) {
    final long[] rows = new long[ids.length];
    for (Run run : runs) {
      final int delta = finalShift - run.shift;
      int at = 0;
      for (int i = 0; i < run.ids.length; i++) {
        final long id = run.ids[i] >> delta;
        while (ids[at] != id) {
          at++;
        }
        rows[at] += run.counts[i];
      }
    }
    int at = 0;
    for (int i = 0; i < memoryGroups; i++) {
      while (ids[at] != memoryIds[i]) {
        at++;
      }
      rows[at] += memoryRows[i];
    }
    return rows;
  }

  /** Rows of {@code run} from its next bucket through final bucket {@code last}. */
  private static long rowsUpTo(Run run, long last, int finalShift) {
    final int delta = finalShift - run.shift;
    long rows = 0;
    for (int i = run.next; i < run.ids.length && (run.ids[i] >> delta) <= last; i++) {
      rows += run.counts[i];
    }
    return rows;
  }

  /**
   * Reads {@code run}'s rows from its next bucket through final bucket {@code last} into {@code
   * target} from {@code row}; returns how many. The run is read sequentially through a buffer.
   */
  private int read(Run run, long last, int finalShift, RowStore target, int row) throws IOException {
    final int delta = finalShift - run.shift;
    long rows = 0;
    int next = run.next;
    while (next < run.ids.length && (run.ids[next] >> delta) <= last) {
      rows += run.counts[next++];
    }
    run.next = next;
    if (rows == 0) {
      return 0;
    }
    final int n = (int) rows;
    final boolean sameWidth = run.rowBytes == target.rowBytes;
    final int bytes = n * run.rowBytes;
    if (!sameWidth && narrow.length < bytes) {
      narrow = new byte[bytes];
    }
    final byte[] into = sameWidth ? target.bytes : narrow;
    int offset = sameWidth ? row * target.rowBytes : 0;
    if (run.memory != null) {
      System.arraycopy(run.memory, (int) run.position, into, offset, bytes);
      run.position += bytes;
    } else if (runs.size() > MAX_OPEN_RUNS) {
      // many runs: no buffer and no open file each (memory and file handles would grow with
      // them); each piece is read where it lies, with the file opened for it
      readDirectly(run, into, offset, bytes);
    } else {
      int remaining = bytes;
      while (remaining > 0) {
        if (run.buffer == null || !run.buffer.hasRemaining()) {
          refill(run);
        }
        final int take = Math.min(remaining, run.buffer.remaining());
        run.buffer.get(into, offset, take);
        offset += take;
        remaining -= take;
      }
    }
    if (!sameWidth) {
      // a run written before more string dimensions were discovered: their codes are null (0)
      Arrays.fill(target.bytes, row * target.rowBytes, (row + n) * target.rowBytes, (byte) 0);
      for (int r = 0; r < n; r++) {
        System.arraycopy(narrow, r * run.rowBytes, target.bytes, (row + r) * target.rowBytes, run.rowBytes);
      }
    }
    if (run.next == run.ids.length) {
      // the run is done: give back its buffer, memory and file handle now
      run.buffer = null;
      if (run.memory != null) {
        ByteArrayPool.give(run.memory);
        run.memory = null;
      }
      if (run.channel != null) {
        run.channel.close();
        run.channel = null;
      }
    }
    return n;
  }

  private static void readDirectly(Run run, byte[] into, int offset, int bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(run.path, StandardOpenOption.READ)) {
      for (int done = 0; done < bytes; ) {
        // slices bound the direct buffer the channel copies a heap array through
        final ByteBuffer buffer = ByteBuffer.wrap(into, offset + done, Math.min(WRITE_BYTES, bytes - done));
        while (buffer.hasRemaining()) {
          final int read = channel.read(buffer, run.position);
          if (read < 0) {
            throw new IOException("run file=" + run.path + ": ends at byte=" + run.position
                + " before the rows its buckets count");
          }
          run.position += read;
          done += read;
        }
      }
    }
  }

  private static void refill(Run run) throws IOException {
    if (run.buffer == null) {
      run.buffer = ByteBuffer.allocateDirect(READ_BYTES);
    }
    if (run.channel == null) {
      run.channel = FileChannel.open(run.path, StandardOpenOption.READ);
    }
    final ByteBuffer buffer = run.buffer;
    buffer.clear();
    while (buffer.hasRemaining()) {
      final int read = run.channel.read(buffer, run.position);
      if (read < 0) {
        break;
      }
      run.position += read;
    }
    buffer.flip();
    if (!buffer.hasRemaining()) {
      throw new IOException("run file=" + run.path + ": ends at byte=" + run.position
          + " before the rows its buckets count");
    }
  }

  private static Path sortedPiece(RowStore rows, int count, RowSorter sorter, Path path) throws IOException {
    final int[] order = sorter.sort(rows, count);
    try (RunFile.Writer writer = new RunFile.Writer(path, rows)) {
      writer.append(rows, order, 0, count);
    }
    return path;
  }

  /** Closes and deletes the run files and gives back the runs' memory. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Run run : runs) {
      if (run.memory != null) {
        ByteArrayPool.give(run.memory);
        run.memory = null;
      }
      if (run.path == null) {
        continue;
      }
      try {
        if (run.channel != null) {
          run.channel.close();
        }
        Files.deleteIfExists(run.path);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    runs.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
