package io.nemeton.perf.scan;

/**
 * How long and how often the benchmark measures each query. Immutable.
 *
 * @param warmupMs least wall time each engine spends on a query before it is measured (at least
 *     one run each, besides the run whose answer the benchmark compares), so the JIT has compiled Nemeton's loops and DuckDB's caches are warm
 * @param minRepetitionMs least wall time of one measured repetition: a query faster than this
 *     runs several times in a repetition and the time per run is the average, so microsecond
 *     queries are timed over many runs rather than one clock reading
 * @param repetitions least measured repetitions per engine (cheap queries get up to four times as
 *     many, see {@link InterleavedMeasurement}); the benchmark reports the best
 */
public record MeasurementSettings(long warmupMs, long minRepetitionMs, int repetitions) {

  /** Most runs in one repetition, bounding a repetition of a query that does nearly nothing. */
  static final int MAX_RUNS_PER_REPETITION = 1_000_000;

  public MeasurementSettings {
    if (warmupMs < 0 || minRepetitionMs < 0 || repetitions < 1) {
      throw new IllegalArgumentException("measurement warmupMs=" + warmupMs + " minRepetitionMs=" + minRepetitionMs
          + " repetitions=" + repetitions + ": times must be >= 0 and repetitions >= 1");
    }
  }
}
