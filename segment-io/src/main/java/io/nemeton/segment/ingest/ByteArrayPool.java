package io.nemeton.segment.ingest;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Byte arrays for the row buffers ({@link RowStore}) and the spilled runs kept in memory ({@link
 * TimeBucketRuns}), shared by the ingestions of this process. A finished ingestion gives its arrays back and the next one takes
 * them: memory the process has touched already, so the JVM need not zero it again nor the kernel
 * fault its pages in (on a VM that hands freed pages back to its host, fresh memory cost a warm
 * ten-million-row load more CPU than the spill files' own copies, perf/RESULTS.md, Ingest, session 9).
 * Kept arrays are softly referenced, so the collector takes them back before the heap runs short,
 * and at most {@link #MAX_KEPT_BYTES} are kept.
 *
 * <p>Thread-safe.
 */
final class ByteArrayPool {
  /** Arrays past this are whole multiples of it, so runs of slightly different sizes share them. */
  static final int GRAIN = 1 << 20;
  /** The smallest array handed out. */
  private static final int MIN_BYTES = 1 << 12;
  /** Most bytes kept for later ingestions. */
  static final long MAX_KEPT_BYTES = 1L << 30;

  private static final List<SoftReference<byte[]>> idle = new ArrayList<>();
  /** {@link #MAX_KEPT_BYTES}, lowered by tests. */
  private static long maxKept = MAX_KEPT_BYTES;

  private ByteArrayPool() {}

  /**
   * Bytes a new array taken for {@code bytes} bytes holds: up to {@link #GRAIN} the next power of
   * two (4 KiB at least), past it the next multiple of {@link #GRAIN}.
   */
  static long rounded(long bytes) {
    if (bytes <= GRAIN) {
      return Math.max(MIN_BYTES, Long.highestOneBit(Math.max(1, bytes - 1)) << 1);
    }
    return (bytes + GRAIN - 1) / GRAIN * GRAIN;
  }

  /**
   * An array of at least {@code bytes} bytes (at most {@code Integer.MAX_VALUE - GRAIN}): the
   * smallest kept one that holds them and is at most twice {@link #rounded} bytes and at most
   * {@code limit}, else a new one of {@link #rounded} bytes. Its content is left from earlier use.
   */
  static byte[] take(int bytes, long limit) {
    final long most = Math.min(limit, 2 * rounded(bytes));
    synchronized (ByteArrayPool.class) {
      SoftReference<byte[]> best = null;
      int bestLength = Integer.MAX_VALUE;
      for (Iterator<SoftReference<byte[]>> it = idle.iterator(); it.hasNext(); ) {
        final SoftReference<byte[]> reference = it.next();
        final byte[] array = reference.get();
        if (array == null) {
          it.remove();
        } else if (array.length >= bytes && array.length <= most && array.length < bestLength) {
          best = reference;
          bestLength = array.length;
        }
      }
      if (best != null) {
        final byte[] array = best.get();
        idle.remove(best);
        if (array != null) {
          return array;
        }
      }
    }
    return new byte[(int) rounded(bytes)];
  }

  /** Keeps {@code array} for a later {@link #take}, unless {@link #MAX_KEPT_BYTES} are kept already. */
  static void give(byte[] array) {
    synchronized (ByteArrayPool.class) {
      long kept = 0;
      for (Iterator<SoftReference<byte[]>> it = idle.iterator(); it.hasNext(); ) {
        final byte[] held = it.next().get();
        if (held == null) {
          it.remove();
        } else {
          kept += held.length;
        }
      }
      if (kept + array.length <= maxKept) {
        idle.add(new SoftReference<>(array));
      }
    }
  }

  /** Bytes kept now (tests). */
  static synchronized long keptBytes() {
    long kept = 0;
    for (SoftReference<byte[]> reference : idle) {
      final byte[] held = reference.get();
      kept += held == null ? 0 : held.length;
    }
    return kept;
  }

  /** Forgets every kept array and restores {@link #MAX_KEPT_BYTES} (tests). */
  static synchronized void clear() {
    idle.clear();
    maxKept = MAX_KEPT_BYTES;
  }

  /** Keeps at most {@code bytes} until {@link #clear()} (tests). */
  static synchronized void keepAtMost(long bytes) {
    maxKept = bytes;
  }
}
