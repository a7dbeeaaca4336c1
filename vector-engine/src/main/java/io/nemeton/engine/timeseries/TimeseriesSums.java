package io.nemeton.engine.timeseries;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.PrimitiveAggregation;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.kernel.DoubleKernels;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.kernel.LongKernels;
import io.nemeton.engine.query.aggregation.NumericAggregator.Operation;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.NumericBlocks;
import java.util.Arrays;
import java.util.List;

/**
 * The timeseries scan of a query whose aggregators are all {@code count}, {@code longSum} or
 * {@code doubleSum} over inputs without null rows (the paper's Q2 and Q3): one loop over the
 * batches, with no {@code GroupAggregator} dispatch and no selection vector for dense runs that
 * start inside a block. A dense run is summed by {@link NumericBlocks#sumLongs} / {@link
 * NumericBlocks#sumDoubles}, which read mapped blocks in their encoded form when they can and
 * otherwise decode and use the kernels' range sums. Its values equal the general path's bit for
 * bit: each batch's sum is added to the running total in batch order, in the kernels' eight-lane
 * order for doubles.
 *
 * <p>Not thread-safe: one per segment scan. Allocates only when built and when values are read.
 */
final class TimeseriesSums {
  private final SegmentScan scan;
  private final LongKernels longKernels;
  private final DoubleKernels doubleKernels;
  /** Per aggregation: -1 for a count, else its index into {@link #longInputs} or {@link #doubleInputs}. */
  private final int[] slots;
  private final boolean[] isDouble;
  private final NumericBlocks[] longInputs;
  private final NumericBlocks[] doubleInputs;
  private final long[] longSums;
  private final double[] doubleSums;
  private long rows;

  private TimeseriesSums(SegmentScan scan, int[] slots, boolean[] isDouble, NumericBlocks[] longInputs,
      NumericBlocks[] doubleInputs) {
    this.scan = scan;
    final Kernels kernels = scan.kernels();
    this.longKernels = kernels.longs();
    this.doubleKernels = kernels.doubles();
    this.slots = slots;
    this.isDouble = isDouble;
    this.longInputs = longInputs;
    this.doubleInputs = doubleInputs;
    this.longSums = new long[longInputs.length];
    this.doubleSums = new double[doubleInputs.length];
  }

  /** The fast scan of {@code aggregations}, or null when one of them needs the general path. */
  static TimeseriesSums of(List<Aggregation> aggregations, SegmentScan scan) {
    final int count = aggregations.size();
    final int[] slots = new int[count];
    final boolean[] isDouble = new boolean[count];
    final NumericBlocks[] inputs = new NumericBlocks[count];
    int longs = 0;
    int doubles = 0;
    for (int i = 0; i < count; i++) {
      final PrimitiveAggregation primitive = aggregations.get(i).primitive();
      if (primitive == null) {
        return null;
      }
      if (primitive.type() == PrimitiveAggregation.Type.COUNT) {
        slots[i] = -1;
        continue;
      }
      if (primitive.operation() != Operation.SUM || primitive.type() == PrimitiveAggregation.Type.FLOAT) {
        return null;
      }
      final NumericBlocks input = primitive.input(scan.columns());
      if (input == null || input.mayHaveNulls()) {
        return null;
      }
      inputs[i] = input;
      isDouble[i] = primitive.type() == PrimitiveAggregation.Type.DOUBLE;
      slots[i] = isDouble[i] ? doubles++ : longs++;
    }
    final NumericBlocks[] longInputs = new NumericBlocks[longs];
    final NumericBlocks[] doubleInputs = new NumericBlocks[doubles];
    for (int i = 0; i < count; i++) {
      if (slots[i] >= 0) {
        (isDouble[i] ? doubleInputs : longInputs)[slots[i]] = inputs[i];
      }
    }
    return new TimeseriesSums(scan, slots, isDouble, longInputs, doubleInputs);
  }

  /** Aggregates the matching rows of {@code [startRow, endRow)} afresh; returns how many. */
  long aggregate(int startRow, int endRow) {
    rows = 0;
    final long[] longTotals = longSums;
    final double[] doubleTotals = doubleSums;
    Arrays.fill(longTotals, 0L);
    Arrays.fill(doubleTotals, 0.0);
    if (startRow >= endRow || scan.matchesNothing()) {
      return 0;
    }
    final NumericBlocks[] longColumns = longInputs;
    final NumericBlocks[] doubleColumns = doubleInputs;
    final LongKernels longSum = longKernels;
    final DoubleKernels doubleSum = doubleKernels;
    long total = 0;
    scan.reset(startRow, endRow);
    for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
      final int size = batch.size();
      if (size == 0) {
        continue;
      }
      total += size;
      final int block = batch.block();
      if (batch.dense()) {
        final int from = batch.from();
        final int to = batch.to();
        for (int c = 0; c < longColumns.length; c++) {
          longTotals[c] += longColumns[c].sumLongs(block, from, to, longSum);
        }
        for (int c = 0; c < doubleColumns.length; c++) {
          doubleTotals[c] += doubleColumns[c].sumDoubles(block, from, to, doubleSum);
        }
      } else {
        final int[] selection = batch.selection();
        for (int c = 0; c < longColumns.length; c++) {
          longTotals[c] += longSum.sum(longColumns[c].longs(block), selection, size);
        }
        for (int c = 0; c < doubleColumns.length; c++) {
          doubleTotals[c] += doubleSum.sum(doubleColumns[c].doubles(block), selection, size);
        }
      }
    }
    rows = total;
    return total;
  }

  /** The intermediate values of the last {@link #aggregate} call, in aggregation order. */
  Object[] values() {
    final Object[] values = new Object[slots.length];
    for (int i = 0; i < values.length; i++) {
      final int slot = slots[i];
      if (slot < 0) {
        values[i] = rows;
      } else if (rows == 0) {
        values[i] = null;
      } else {
        values[i] = isDouble[i] ? (Object) doubleSums[slot] : (Object) longSums[slot];
      }
    }
    return values;
  }
}
