package io.nemeton.bench;

import java.util.Objects;

/**
 * One validated request to generate a data set: what, how many rows, which seed, which format,
 * where to and with how many threads. {@code out} of {@code "-"} means standard output.
 *
 * <p>Immutable.
 */
public record GenerationOptions(
    Dataset dataset, long rows, long seed, OutputFormat format, String out, int threads, boolean explicitNulls) {

  public static final long DEFAULT_SEED = 42L;

  public GenerationOptions {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    if (rows < 0 || rows > BlockParallelWriter.MAX_ROWS) {
      throw new IllegalArgumentException("--rows value=" + rows + ": must be in [0, " + BlockParallelWriter.MAX_ROWS + "]");
    }
    if (threads < 1 || threads > BlockParallelWriter.MAX_THREADS) {
      throw new IllegalArgumentException("--threads value=" + threads + ": must be in [1, " + BlockParallelWriter.MAX_THREADS + "]");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--out value is empty: give a file path, or - for standard output");
    }
    dataset.encoders(seed, rows, format, explicitNulls); // rejects combinations the data set does not support
  }

  /** A default thread count: the available processors, at most 4 (output speed stops scaling there). */
  public static int defaultThreads() {
    return Math.min(4, Runtime.getRuntime().availableProcessors());
  }
}
