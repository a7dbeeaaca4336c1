package io.nemeton.perf.scan;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The clock the benchmark charges a query with: CPU time of the thread that runs it (nanosecond
 * resolution, {@code CLOCK_THREAD_CPUTIME_ID} on Linux) plus the time the JVM spent in
 * garbage-collection pauses meanwhile (milliseconds, summed over the collectors), since a pause
 * stops the query and its work is caused by the query's allocations.
 *
 * <p>Both engines run on the measuring thread: Nemeton's segments one after another (what a pool
 * of one thread would do), DuckDB with {@code threads = 1}. Unlike wall time, this clock does not
 * count the slices the scheduler gives other processes on an oversubscribed machine; unlike the
 * JVM's process CPU time (10 ms ticks here), it is fine-grained and leaves out the JIT compiler
 * threads, whose late work would otherwise land on whichever engine is being measured.
 *
 * <p>Stateless; readings of one thread compare only with readings of the same thread.
 */
final class QueryCpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

  private QueryCpuClock() {}

  /** Whether the thread CPU clock works here; without it the benchmark cannot charge queries. */
  static boolean supported() {
    return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.getCurrentThreadCpuTime() >= 0;
  }

  /** The current reading, in nanoseconds. */
  static long nanos() {
    long gcMillis = 0;
    for (GarbageCollectorMXBean collector : COLLECTORS) {
      gcMillis += Math.max(0, collector.getCollectionTime());
    }
    return THREADS.getCurrentThreadCpuTime() + gcMillis * 1_000_000L;
  }
}
