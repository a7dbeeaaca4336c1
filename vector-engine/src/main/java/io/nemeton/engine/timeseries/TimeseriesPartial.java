package io.nemeton.engine.timeseries;

import io.nemeton.engine.run.PartialResult;
import java.util.TreeMap;

/**
 * Timeseries partial result: intermediate aggregator values by bucket start. With granularity
 * {@code all} there is at most one entry, keyed by the earliest covered time. Owned by one thread
 * while merged.
 */
public record TimeseriesPartial(TreeMap<Long, Object[]> buckets) implements PartialResult {
}
