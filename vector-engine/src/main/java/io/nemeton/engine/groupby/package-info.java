/**
 * Grouped aggregation for groupBy and topN. The engine ({@link
 * io.nemeton.engine.groupby.GroupByEngine}) packs each row's dimension codes into a key, uses the
 * key itself as the group when its bound is small (dictionary ids) or numbers keys in a heap key
 * table otherwise, and keeps counts, sums, mins and maxes in dense interleaved accumulator cells
 * ({@link io.nemeton.engine.groupby.AccumulatorTable}) updated by one kernel pass per aggregator
 * ({@link io.nemeton.engine.groupby.GroupedLongKernels} and friends). Segments grouped by plain
 * string dimensions keep their cells as partial results; a k-way merge over their sorted
 * dictionaries feeds a top-K by a metric ({@link io.nemeton.engine.groupby.LongTopK}, {@link
 * io.nemeton.engine.groupby.DoubleTopK}) for limit specs. Also here, benchmarked but not yet used
 * by the engine: an off-heap open-addressing table from fixed-width keys to dense group indexes
 * ({@link io.nemeton.engine.groupby.GroupKeyHashTable}, bounded by a byte limit and failing with
 * {@link io.nemeton.engine.groupby.GroupByResourceLimitExceededException}).
 */
package io.nemeton.engine.groupby;
