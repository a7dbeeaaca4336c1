package io.nemeton.node.remote;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A diagnostic switch: where the time of a query goes, stage by stage, on the broker's path (HTTP
 * dispatch, parse, plan, send, round trip per historical, wake-up, decode, merge, JSON, write) and
 * on a historical's (hand-off from the transport's agent to a worker, parse, lease, engine,
 * encode and send). Off unless the JVM runs with {@code -Dnemeton.debug.latency=true}; then every
 * {@code nemeton.debug.latencyPeriodMs} (10 s by default) it prints per stage the count and the
 * p50/p90/p99/max in microseconds of the samples since the last print, to standard error (a cluster
 * child's log), and starts again.
 *
 * <p>Thread-safe. When off, {@link #record} returns at once; when on, it allocates nothing per
 * sample but takes a short lock per stage (a diagnostic, not for production load).
 */
public final class LatencyStages {
  /** Whether the switch is on in this JVM. */
  public static final boolean ENABLED = Boolean.getBoolean("nemeton.debug.latency");
  private static final int CAPACITY = 1 << 15;
  private static final Map<String, Samples> STAGES = new ConcurrentHashMap<>();

  static {
    if (ENABLED) {
      everyPeriod("nemeton-latency-stages", () -> print(System.err));
    }
  }

  private LatencyStages() {}

  /** Runs {@code task} every {@code nemeton.debug.latencyPeriodMs} (10 s) on a daemon thread named {@code name}. */
  static void everyPeriod(String name, Runnable task) {
    final long periodMs = Long.getLong("nemeton.debug.latencyPeriodMs", 10_000);
    final Thread thread = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(periodMs);
        } catch (InterruptedException e) {
          return;
        }
        task.run();
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Records that {@code stage} took {@code nanos}; a no-op when the switch is off. */
  public static void record(String stage, long nanos) {
    if (!ENABLED) {
      return;
    }
    STAGES.computeIfAbsent(stage, k -> new Samples()).add(nanos);
  }

  /** Records the time from {@code startNanos} to now and returns now; returns 0 when the switch is off. */
  public static long since(String stage, long startNanos) {
    if (!ENABLED) {
      return 0;
    }
    final long now = System.nanoTime();
    record(stage, now - startNanos);
    return now;
  }

  /** {@link System#nanoTime()} when the switch is on, else 0 (no clock read). */
  public static long now() {
    return ENABLED ? System.nanoTime() : 0;
  }

  /** Prints and clears the samples of every stage. */
  public static void print(PrintStream out) {
    final TreeMap<String, long[]> sorted = new TreeMap<>();
    for (Map.Entry<String, Samples> entry : STAGES.entrySet()) {
      final long[] taken = entry.getValue().drain();
      if (taken.length > 0) {
        sorted.put(entry.getKey(), taken);
      }
    }
    if (sorted.isEmpty()) {
      return;
    }
    final StringBuilder text = new StringBuilder("latency stages (µs, since last print):\n");
    for (Map.Entry<String, long[]> entry : sorted.entrySet()) {
      final long[] v = entry.getValue();
      Arrays.sort(v);
      text.append(String.format("  %-28s n=%7d p50=%8.1f p90=%8.1f p99=%8.1f max=%9.1f%n", entry.getKey(), v.length,
          at(v, 0.50), at(v, 0.90), at(v, 0.99), v[v.length - 1] / 1000.0));
    }
    out.print(text);
    out.flush();
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1000.0;
  }

  /** The latest samples of one stage (a ring: the oldest are overwritten past the capacity). */
  private static final class Samples {
    private final long[] values = new long[CAPACITY];
    private long count;

    synchronized void add(long nanos) {
      values[(int) (count++ & (CAPACITY - 1))] = nanos;
    }

    synchronized long[] drain() {
      final long[] out = Arrays.copyOf(values, (int) Math.min(count, CAPACITY));
      count = 0;
      return out;
    }
  }
}
