package io.nemeton.perf.scan;

import java.util.Arrays;

/**
 * One engine's measured times for one query. Immutable.
 *
 * @param nanosPerRun each repetition's wall time per run, in the order measured
 * @param runsPerRepetition runs timed together in each repetition
 * @param warmupRuns runs before the measurement
 */
public record EngineTiming(double[] nanosPerRun, int runsPerRepetition, int warmupRuns) {

  public EngineTiming {
    nanosPerRun = nanosPerRun.clone();
  }

  @Override
  public double[] nanosPerRun() {
    return nanosPerRun.clone();
  }

  /** The fastest repetition: on a shared machine, the run least disturbed by others. */
  public double bestNanos() {
    double best = Double.POSITIVE_INFINITY;
    for (double nanos : nanosPerRun) {
      best = Math.min(best, nanos);
    }
    return best;
  }

  public double medianNanos() {
    final double[] sorted = nanosPerRun.clone();
    Arrays.sort(sorted);
    final int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Rows per second of the best repetition for a query covering {@code rows} rows. */
  public double bestRowsPerSecond(long rows) {
    return rows / (bestNanos() / 1e9);
  }
}
