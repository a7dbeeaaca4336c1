/**
 * Grouped aggregation for groupBy and topN. The engine ({@link
 * io.nemeton.engine.groupby.GroupByEngine}) packs each row's dimension codes into a key, uses the
 * key itself as the group when its bound is small (dictionary ids) or numbers keys in an off-heap
 * open-addressing table otherwise ({@link io.nemeton.engine.groupby.GroupKeyHashTable}, bounded by a
 * byte limit and failing with {@link
 * io.nemeton.engine.groupby.GroupByResourceLimitExceededException}), and keeps counts, sums, mins
 * and maxes in dense interleaved accumulator cells ({@link
 * io.nemeton.engine.groupby.AccumulatorTable}) updated by one kernel pass per aggregator
 * ({@link io.nemeton.engine.groupby.GroupedLongKernels} and friends). Segments grouped by plain
 * string dimensions keep their cells as partial results; a k-way merge over their sorted
 * dictionaries feeds a top-K by a metric ({@link io.nemeton.engine.groupby.LongTopK}, {@link
 * io.nemeton.engine.groupby.DoubleTopK}) for limit specs and topN.
 */
package io.nemeton.engine.groupby;
