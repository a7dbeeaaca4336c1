package io.nemeton.perf.scan;

import java.util.Arrays;

/**
 * One engine's measured times for one query, per run, of each repetition: wall time, and CPU
 * time as {@link QueryCpuClock} charges it (the query thread's CPU plus garbage-collection
 * pauses). On a shared, oversubscribed machine the wall time of a run includes the slices the
 * scheduler gave to other processes, while the CPU time counts only the query's work, so speeds
 * per core and ratios come from CPU time; wall time is shown beside them. Immutable.
 *
 * @param wallNanosPerRun each repetition's wall time per run, in the order measured
 * @param cpuNanosPerRun each repetition's CPU time per run, in the same order
 * @param runsPerRepetition runs timed together in each repetition
 * @param warmupRuns runs before the measurement
 */
public record EngineTiming(double[] wallNanosPerRun, double[] cpuNanosPerRun, int runsPerRepetition, int warmupRuns) {

  public EngineTiming {
    if (wallNanosPerRun.length != cpuNanosPerRun.length || wallNanosPerRun.length == 0) {
      throw new IllegalArgumentException("timing repetitions wall=" + wallNanosPerRun.length + " cpu="
          + cpuNanosPerRun.length + ": must be equal and at least 1");
    }
    wallNanosPerRun = wallNanosPerRun.clone();
    cpuNanosPerRun = cpuNanosPerRun.clone();
  }

  @Override
  public double[] wallNanosPerRun() {
    return wallNanosPerRun.clone();
  }

  @Override
  public double[] cpuNanosPerRun() {
    return cpuNanosPerRun.clone();
  }

  /** The least CPU time per run over the repetitions: the run least disturbed by others. */
  public double bestCpuNanos() {
    return min(cpuNanosPerRun);
  }

  public double medianCpuNanos() {
    return median(cpuNanosPerRun);
  }

  public double bestWallNanos() {
    return min(wallNanosPerRun);
  }

  public double medianWallNanos() {
    return median(wallNanosPerRun);
  }

  /** Rows per CPU second of the best repetition, for a query covering {@code rows} rows. */
  public double rowsPerCpuSecond(long rows) {
    return rows / (bestCpuNanos() / 1e9);
  }

  private static double min(double[] values) {
    double best = Double.POSITIVE_INFINITY;
    for (double value : values) {
      best = Math.min(best, value);
    }
    return best;
  }

  private static double median(double[] values) {
    final double[] sorted = values.clone();
    Arrays.sort(sorted);
    final int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
