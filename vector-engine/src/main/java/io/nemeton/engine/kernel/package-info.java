/**
 * Batch kernels: the hot loops of the query engine over one decoded batch (up to 1024 rows in
 * primitive scratch arrays).
 *
 * <ul>
 *   <li>{@link io.nemeton.engine.kernel.Kernels} picks a {@link io.nemeton.engine.kernel.KernelMode}
 *       once per query: the scalar reference or the SIMD twins (Java Vector API), which agree bit
 *       for bit, double sums included (the eight-lane order of {@link
 *       io.nemeton.engine.kernel.DoubleKernels}).
 *   <li>Ungrouped aggregation: {@link io.nemeton.engine.kernel.LongKernels}, {@link
 *       io.nemeton.engine.kernel.DoubleKernels}, {@link io.nemeton.engine.kernel.FloatKernels},
 *       {@link io.nemeton.engine.kernel.CountKernels}, and the per-query states that use them
 *       ({@code LongSumAggregator} ... {@code CountAggregator}) with SQL-compatible nulls.
 *   <li>Filters: {@link io.nemeton.engine.kernel.SelectionKernels} build selection vectors from
 *       bitmap row ids, value ranges and dictionary-id sets ({@link
 *       io.nemeton.engine.kernel.IdBitSet}); {@link io.nemeton.engine.kernel.Selection} holds one
 *       with its "all rows"/"no rows" short-cuts and combines them.
 * </ul>
 *
 * <p>Grouped aggregation, the group-key hash table and top-K live in {@code
 * io.nemeton.engine.groupby}.
 */
package io.nemeton.engine.kernel;
