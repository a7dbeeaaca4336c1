package io.nemeton.segment.ingest;

import java.lang.ref.SoftReference;

/**
 * Keeps the segment columns of a finished ingestion for the next one in this process. At the
 * default 5 M rows a segment's columns take hundreds of MiB; allocated afresh for every
 * ingestion, the JVM zeroes them and the kernel faults their pages in again, which took 8.6 % of
 * a warm ten-million-row load's CPU (perf/RESULTS.md, Ingest, session 9). One set is kept, softly
 * referenced, so the collector takes it back before the heap runs short.
 *
 * <p>Thread-safe: a set is handed to one ingestion at a time.
 */
final class RowColumnsPool {
  private static SoftReference<RowColumns> idle;
  private static long reuses;

  private RowColumnsPool() {}

  /**
   * Columns shaped like {@code schema}'s for {@code capacity} rows: the kept set when it fits (same
   * capacity, same numeric, null and object columns, no more string columns), else new ones. The
   * capacity must match: a segment takes its columns without a copy only when it fills them. Every
   * row a caller uses must be written first: kept columns hold the rows of an earlier ingestion.
   */
  static RowColumns take(InputSchema schema, int capacity) {
    final RowColumns kept;
    synchronized (RowColumnsPool.class) {
      kept = idle == null ? null : idle.get();
      if (kept != null && fits(kept, schema, capacity)) {
        idle = null;
        reuses++;
      } else {
        return RowColumns.forSchema(schema, capacity);
      }
    }
    kept.ensureIntColumns(schema.stringFieldCount());
    return kept;
  }

  /** Keeps {@code rows} for the next ingestion; nothing may use them afterwards. */
  static void give(RowColumns rows) {
    rows.clearObjects(0, rows.capacity);
    synchronized (RowColumnsPool.class) {
      idle = new SoftReference<>(rows);
    }
  }

  private static boolean fits(RowColumns rows, InputSchema schema, int capacity) {
    return rows.capacity == capacity
        && rows.ints.length <= schema.stringFieldCount()
        && rows.longs.length == schema.longColumns()
        && rows.doubles.length == schema.doubleColumns()
        && rows.nulls.length == schema.nullColumns()
        && rows.objects.length == schema.objectColumns();
  }

  /** How many times a kept set was taken (tests). */
  static synchronized long reuses() {
    return reuses;
  }

  /** Forgets the kept set (tests). */
  static synchronized void clear() {
    idle = null;
  }
}
