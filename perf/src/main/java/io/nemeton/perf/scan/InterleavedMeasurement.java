package io.nemeton.perf.scan;

import java.util.Arrays;

/**
 * Times one query on two engines in the same stretch of time, so that what disturbs one (other
 * processes on a shared machine, frequency changes) disturbs the other too and their ratio stays
 * meaningful. Both engines warm up in alternation; then each repetition times Nemeton and DuckDB
 * back to back, alternating which goes first. A query faster than {@link
 * MeasurementSettings#minRepetitionMs()} runs several times per repetition (the count is fixed
 * from the warm-up's fastest run), and the repetition's time is divided by the runs. Each
 * repetition records wall time and the {@link QueryCpuClock} time ({@link EngineTiming}). A query
 * gets at least {@link MeasurementSettings#repetitions()} repetitions, and more (up to four times
 * as many) until each engine has been measured for ten minimum repetition times, so cheap queries,
 * whose best time is the noisiest, are tried more often.
 *
 * <p>Stateless apart from a sink that keeps results reachable; one measurement at a time.
 */
public final class InterleavedMeasurement {
  /** Least measured time per engine, in units of the minimum repetition time. */
  static final int MEASURED_REPETITIONS = 10;

  /** Most repetitions, as a multiple of the settings' repetitions. */
  static final int MORE_REPETITIONS = 4;

  private final MeasurementSettings settings;
  /** Holds the latest result so no run can be optimised away. */
  private Object sink;

  public InterleavedMeasurement(MeasurementSettings settings) {
    if (!QueryCpuClock.supported()) {
      throw new IllegalStateException("this JVM has no per-thread CPU clock (ThreadMXBean.getCurrentThreadCpuTime); "
          + "the scan benchmark needs it to charge each query");
    }
    this.settings = settings;
  }

  /** Both engines' timings of {@code query}: index 0 for {@code first}, 1 for {@code second}. */
  public EngineTiming[] measure(PaperQuery query, PaperTable first, PaperTable second) {
    final PaperTable[] tables = {first, second};
    final long[] fastestWarmup = {Long.MAX_VALUE, Long.MAX_VALUE};
    final long[] spentNanos = new long[2];
    final int[] warmupRuns = new int[2];
    final long warmupNanos = settings.warmupMs() * 1_000_000L;
    while (warmupRuns[0] < 1 || warmupRuns[1] < 1 || spentNanos[0] < warmupNanos || spentNanos[1] < warmupNanos) {
      for (int e = 0; e < 2; e++) {
        if (warmupRuns[e] >= 1 && spentNanos[e] >= warmupNanos) {
          continue;
        }
        final long start = System.nanoTime();
        sink = tables[e].execute(query);
        final long elapsed = System.nanoTime() - start;
        spentNanos[e] += elapsed;
        fastestWarmup[e] = Math.min(fastestWarmup[e], elapsed);
        warmupRuns[e]++;
      }
    }
    final int[] runs = new int[2];
    final long repetitionNanos = settings.minRepetitionMs() * 1_000_000L;
    for (int e = 0; e < 2; e++) {
      final long perRun = Math.max(1, fastestWarmup[e]);
      runs[e] = (int) Math.max(1, Math.min(MeasurementSettings.MAX_RUNS_PER_REPETITION,
          (repetitionNanos + perRun - 1) / perRun));
    }
    // cheap queries get more repetitions (up to MORE_REPETITIONS times as many) until each engine
    // has MEASURED_REPETITIONS repetitions' worth of time: the best of more tries is steadier
    final int most = settings.repetitions() * MORE_REPETITIONS;
    final long measuredNanos = MEASURED_REPETITIONS * repetitionNanos;
    final double[][] wallNanos = new double[2][most];
    final double[][] cpuNanos = new double[2][most];
    final long[] measured = new long[2];
    int done = 0;
    while (done < most && (done < settings.repetitions() || measured[0] < measuredNanos || measured[1] < measuredNanos)) {
      final int r = done++;
      for (int turn = 0; turn < 2; turn++) {
        final int e = (r + turn) % 2;
        final long cpuStart = QueryCpuClock.nanos();
        final long wallStart = System.nanoTime();
        for (int i = 0; i < runs[e]; i++) {
          sink = tables[e].execute(query);
        }
        final long wall = System.nanoTime() - wallStart;
        measured[e] += wall;
        wallNanos[e][r] = (double) wall / runs[e];
        cpuNanos[e][r] = (double) (QueryCpuClock.nanos() - cpuStart) / runs[e];
      }
    }
    return new EngineTiming[] {
        new EngineTiming(Arrays.copyOf(wallNanos[0], done), Arrays.copyOf(cpuNanos[0], done), runs[0], warmupRuns[0]),
        new EngineTiming(Arrays.copyOf(wallNanos[1], done), Arrays.copyOf(cpuNanos[1], done), runs[1], warmupRuns[1])};
  }

  /** The latest result, so callers (and the JIT) see every run's result as used. */
  Object lastResult() {
    return sink;
  }
}
