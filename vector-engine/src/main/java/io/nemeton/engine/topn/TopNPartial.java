package io.nemeton.engine.topn;

import io.nemeton.engine.run.PartialResult;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * TopN partial result: per time bucket, the kept dimension values (null allowed) and their
 * intermediate aggregator values. Owned by one thread while merged.
 */
public record TopNPartial(TreeMap<Long, LinkedHashMap<Object, Object[]>> buckets) implements PartialResult {
}
