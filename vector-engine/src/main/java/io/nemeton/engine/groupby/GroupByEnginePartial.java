package io.nemeton.engine.groupby;

import io.nemeton.engine.run.PartialResult;
import java.util.LinkedHashMap;

/**
 * GroupBy (and topN) partial result: intermediate aggregator values by group. Owned by one thread
 * while merged.
 */
public record GroupByEnginePartial(LinkedHashMap<GroupByEngineKey, Object[]> groups) implements PartialResult {
}
