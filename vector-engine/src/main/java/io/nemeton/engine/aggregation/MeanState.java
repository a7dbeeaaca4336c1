package io.nemeton.engine.aggregation;

/**
 * The intermediate value of {@code doubleMean}: the sum and count of the non-null values. Immutable.
 */
public record MeanState(double sum, long count) {

  public MeanState plus(MeanState other) {
    return new MeanState(sum + other.sum, count + other.count);
  }

  /** The mean, or null when no value was seen. */
  public Double mean() {
    return count == 0 ? null : sum / count;
  }
}
