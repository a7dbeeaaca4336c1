package io.nemeton.engine.groupby;

/**
 * What one slot of an {@link AccumulatorTable} holds, and so its starting value. Double slots hold
 * raw IEEE bits ({@link Double#doubleToRawLongBits}); float aggregators use the double kinds, as
 * widening a float to double is exact and keeps min, max and the order of sums (see {@code
 * io.nemeton.engine.kernel.FloatKernels} on why float sums accumulate in double).
 */
public enum AccumulatorKind {
  /** Row count, or non-null row count of a nullable column. */
  COUNT(0L),
  LONG_SUM(0L),
  LONG_MIN(Long.MAX_VALUE),
  LONG_MAX(Long.MIN_VALUE),
  DOUBLE_SUM(Double.doubleToRawLongBits(0.0)),
  DOUBLE_MIN(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)),
  DOUBLE_MAX(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY));

  private final long identityBits;

  AccumulatorKind(long identityBits) {
    this.identityBits = identityBits;
  }

  /** The cell's value before any row: the identity of the operation. */
  public long identityBits() {
    return identityBits;
  }

  /** Whether the cell holds double bits rather than a long. */
  public boolean isDouble() {
    return this == DOUBLE_SUM || this == DOUBLE_MIN || this == DOUBLE_MAX;
  }
}
