package io.nemeton.engine.groupby;

import java.util.List;

/**
 * One group of a groupBy answer: its time bucket start and its dimension values (String, Long,
 * Float, Double or null, in dimension order). Immutable; compared by value when partial results
 * merge.
 */
public record GroupByEngineKey(long timeMs, List<Object> values) {
}
