package io.nemeton.bench;

import java.util.List;

/**
 * The paper benchmark schema: the shape of the data the Druid paper's scan benchmarks ran over,
 * one high-cardinality dimension, four low-cardinality ones and four metrics. The constants here
 * define the data set; {@code bench-data/README.md} describes each column's distribution.
 *
 * <p>Constants only; immutable.
 */
public final class PaperSchema {
  /** Column names in output order. */
  public static final List<String> COLUMNS = List.of(
      "timestamp", "dim_high", "dim_10", "dim_100", "dim_1000", "dim_10000",
      "metric1", "metric2", "metric3", "metric4");

  /**
   * Version of the data definition: raised whenever the same seed would give different rows, so
   * files cached under a name that includes it are never stale. A golden test pins version 1.
   */
  public static final int DATA_VERSION = 1;

  /** The one day every timestamp falls in, as written before the time of day. */
  public static final String DAY = "2026-01-01";

  /** {@code 2026-01-01T00:00:00Z} in epoch milliseconds. */
  public static final long DAY_START_EPOCH_MILLIS = 1_767_225_600_000L;

  public static final int MILLIS_PER_DAY = 86_400_000;

  /** Distinct values {@code dim_high} draws from. */
  public static final int HIGH_CARDINALITY = 1_000_000;

  /**
   * Zipf exponent of {@code dim_high}: 0.8 gives a clear head (the top value about 1.3% of rows,
   * the top ten about 4.8%) while 10 M rows still touch about 962 k distinct values.
   */
  public static final double HIGH_ZIPF_EXPONENT = 0.8;

  /**
   * Multiplier of the fixed bijection from Zipf rank to value id ({@code id = (rank - 1) × M + O
   * mod 1 000 000}); it is coprime with 10^6, so frequent values are spread over the id range instead
   * of being the smallest ids.
   */
  public static final long HIGH_ID_MULTIPLIER = 999_983L;

  public static final long HIGH_ID_OFFSET = 123_457L;

  /** Cardinalities of {@code dim_10, dim_100, dim_1000, dim_10000}, in column order. */
  public static final int[] LOW_CARDINALITIES = {10, 100, 1_000, 10_000};

  /** First letter of each low-cardinality dimension's values, so values of different columns differ. */
  public static final char[] LOW_PREFIXES = {'a', 'b', 'c', 'd'};

  /** {@code metric1} is uniform over {@code [0, METRIC1_MAX]}. */
  public static final long METRIC1_MAX = 10_000L;

  /** {@code metric2} is uniform over {@code [0, METRIC2_MAX]}. */
  public static final long METRIC2_MAX = 1_000_000_000L;

  /** {@code metric3} is a price: uniform over whole cents in {@code [0.00, 10000.00]}. */
  public static final long METRIC3_MAX_CENTS = 1_000_000L;

  /** {@code metric4} is a ratio: uniform over multiples of 0.0001 in {@code [0, 1]}. */
  public static final long METRIC4_MAX_TEN_THOUSANDTHS = 10_000L;

  private PaperSchema() {}

  /** The {@code dim_high} id of a Zipf rank in {@code [1, HIGH_CARDINALITY]}. */
  public static int highId(long rank) {
    return (int) (((rank - 1) * HIGH_ID_MULTIPLIER + HIGH_ID_OFFSET) % HIGH_CARDINALITY);
  }
}
