/**
 * Grouped aggregation: dense interleaved accumulator cells ({@link
 * io.nemeton.engine.groupby.AccumulatorTable}) updated by one kernel pass per aggregator ({@link
 * io.nemeton.engine.groupby.GroupedLongKernels} and friends); an off-heap open-addressing table
 * from fixed-width keys to dense group indexes for keys that are not dictionary ids ({@link
 * io.nemeton.engine.groupby.GroupKeyHashTable}, bounded by a byte limit and failing with {@link
 * io.nemeton.engine.groupby.GroupByResourceLimitExceededException}); and top-K selection by a
 * metric ({@link io.nemeton.engine.groupby.LongTopK}, {@link
 * io.nemeton.engine.groupby.DoubleTopK}).
 */
package io.nemeton.engine.groupby;
