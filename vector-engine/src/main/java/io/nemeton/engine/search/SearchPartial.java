package io.nemeton.engine.search;

import io.nemeton.engine.run.PartialResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Search partial result: per time bucket, the count of matching rows of each (dimension, value)
 * hit. Owned by one thread while merged.
 */
public record SearchPartial(TreeMap<Long, LinkedHashMap<List<Object>, Long>> buckets) implements PartialResult {
}
