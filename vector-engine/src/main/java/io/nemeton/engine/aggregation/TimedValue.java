package io.nemeton.engine.aggregation;

/**
 * The intermediate value of a first/last aggregator: the value of the row with the earliest (or
 * latest) time. Immutable.
 *
 * @param timeMs the row's time
 * @param value the row's value (Long, Double, Float, String) or null
 */
public record TimedValue(long timeMs, Object value) {
}
