package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.MetricKind;
import java.util.List;

/**
 * The metric states of rows: set from input batches, merged when rollup finds equal keys. Sums,
 * minimums and maximums skip nulls and stay null when every input was null; {@code count} counts
 * input rows; float metrics round to float after every step, as a float accumulator would; first
 * and last keep the value with the earliest (latest) event time, the earlier input row winning
 * ties for first and the later one for last; sketches union.
 *
 * <p>Not thread-safe. Initialisation runs column by column over a batch, one switch per metric;
 * merging dispatches per merged row.
 */
final class Aggregation {
  private final MetricColumn[] metrics;
  private final SketchAccumulator[] sketches;

  Aggregation(InputSchema schema) {
    final List<MetricColumn> list = schema.metrics();
    metrics = list.toArray(new MetricColumn[0]);
    sketches = new SketchAccumulator[metrics.length];
    for (int m = 0; m < metrics.length; m++) {
      if (metrics[m].kind().isSketch()) {
        sketches[m] = new SketchAccumulator(metrics[m]);
      }
    }
  }

  MetricColumn[] metrics() {
    return metrics;
  }

  SketchAccumulator sketch(int metric) {
    return sketches[metric];
  }

  /** Sets the states of rows {@code [row, row + count)} from batch rows {@code selection[from ...]}. */
  void init(RowColumns rows, int row, InputBatch batch, int[] selection, int from, int count) {
    for (final MetricColumn metric : metrics) {
      final int value = metric.valueColumn();
      final int nulls = metric.nullColumn();
      final int slot = metric.inputSlot();
      switch (metric.kind()) {
        case COUNT -> java.util.Arrays.fill(rows.longs[value], row, row + count, 1L);
        case LONG_SUM, LONG_MIN, LONG_MAX -> copyLongs(rows, row, value, nulls, batch, slot, selection, from, count);
        case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> copyDoubles(rows, row, value, nulls, batch, slot, selection, from, count, false);
        case FLOAT_SUM, FLOAT_MIN, FLOAT_MAX -> copyDoubles(rows, row, value, nulls, batch, slot, selection, from, count, true);
        case LONG_FIRST, LONG_LAST -> {
          copyTimes(rows, row, metric.timeColumn(), batch, selection, from, count);
          copyLongs(rows, row, value, nulls, batch, slot, selection, from, count);
        }
        case DOUBLE_FIRST, DOUBLE_LAST, FLOAT_FIRST, FLOAT_LAST -> {
          copyTimes(rows, row, metric.timeColumn(), batch, selection, from, count);
          copyDoubles(rows, row, value, nulls, batch, slot, selection, from, count,
              metric.kind() == MetricKind.FLOAT_FIRST || metric.kind() == MetricKind.FLOAT_LAST);
        }
        case STRING_FIRST, STRING_LAST -> {
          copyTimes(rows, row, metric.timeColumn(), batch, selection, from, count);
          final long[] target = rows.longs[value];
          final int[] codes = batch.codes[slot];
          for (int i = 0; i < count; i++) {
            target[row + i] = codes[selection[from + i]];
          }
        }
        case QUANTILES_DOUBLES_SKETCH -> {
          copyDoubles(rows, row, metric.inputColumn(), metric.inputNullColumn(), batch, slot, selection, from, count, false);
          java.util.Arrays.fill(rows.objects[metric.objectColumn()], row, row + count, null);
        }
        case HYPER_UNIQUE, HLL_SKETCH, THETA_SKETCH ->
            java.util.Arrays.fill(rows.objects[metric.objectColumn()], row, row + count, null);
      }
    }
  }

  private static void copyTimes(RowColumns rows, int row, int column, InputBatch batch, int[] selection, int from, int count) {
    final long[] target = rows.longs[column];
    final long[] times = batch.times;
    for (int i = 0; i < count; i++) {
      target[row + i] = times[selection[from + i]];
    }
  }

  private static void copyLongs(RowColumns rows, int row, int value, int nulls, InputBatch batch, int slot,
      int[] selection, int from, int count) {
    final long[] target = rows.longs[value];
    final byte[] targetNulls = rows.nulls[nulls];
    final long[] source = batch.longs[slot];
    final byte[] sourceNulls = batch.longNulls[slot];
    for (int i = 0; i < count; i++) {
      final int s = selection[from + i];
      target[row + i] = source[s];
      targetNulls[row + i] = sourceNulls[s];
    }
  }

  private static void copyDoubles(RowColumns rows, int row, int value, int nulls, InputBatch batch, int slot,
      int[] selection, int from, int count, boolean roundToFloat) {
    final double[] target = rows.doubles[value];
    final byte[] targetNulls = rows.nulls[nulls];
    final double[] source = batch.doubles[slot];
    final byte[] sourceNulls = batch.doubleNulls[slot];
    if (roundToFloat) {
      for (int i = 0; i < count; i++) {
        final int s = selection[from + i];
        target[row + i] = (float) source[s];
        targetNulls[row + i] = sourceNulls[s];
      }
    } else {
      for (int i = 0; i < count; i++) {
        final int s = selection[from + i];
        target[row + i] = source[s];
        targetNulls[row + i] = sourceNulls[s];
      }
    }
  }

  /**
   * Merges rows {@code order[from, to)} of {@code source} into row {@code row} of {@code target},
   * which already holds the group's first row.
   */
  void combineGroup(RowColumns target, int row, RowColumns source, int[] order, int from, int to) {
    for (int m = 0; m < metrics.length; m++) {
      final MetricColumn metric = metrics[m];
      if (metric.kind().isSketch()) {
        final SketchAccumulator sketch = sketches[m];
        sketch.reset();
        sketch.add(target, row);
        for (int i = from; i < to; i++) {
          sketch.add(source, order[i]);
        }
        target.objects[metric.objectColumn()][row] = sketch.result();
      } else {
        for (int i = from; i < to; i++) {
          combineScalar(metric, target, row, source, order[i]);
        }
      }
    }
  }

  /** Merges row {@code sourceRow} of {@code source} into row {@code row} of {@code target}. */
  void combine(RowColumns target, int row, RowColumns source, int sourceRow) {
    for (int m = 0; m < metrics.length; m++) {
      final MetricColumn metric = metrics[m];
      if (metric.kind().isSketch()) {
        final SketchAccumulator sketch = sketches[m];
        sketch.reset();
        sketch.add(target, row);
        sketch.add(source, sourceRow);
        target.objects[metric.objectColumn()][row] = sketch.result();
      } else {
        combineScalar(metric, target, row, source, sourceRow);
      }
    }
  }

  private static void combineScalar(MetricColumn metric, RowColumns target, int row, RowColumns source, int sourceRow) {
    final int value = metric.valueColumn();
    final int nulls = metric.nullColumn();
    switch (metric.kind()) {
      case COUNT -> target.longs[value][row] += source.longs[value][sourceRow];
      case LONG_SUM, LONG_MIN, LONG_MAX -> {
        if (source.nulls[nulls][sourceRow] != 0) {
          return;
        }
        final long incoming = source.longs[value][sourceRow];
        if (target.nulls[nulls][row] != 0) {
          target.longs[value][row] = incoming;
          target.nulls[nulls][row] = 0;
          return;
        }
        final long current = target.longs[value][row];
        target.longs[value][row] = switch (metric.kind()) {
          case LONG_SUM -> current + incoming;
          case LONG_MIN -> Math.min(current, incoming);
          default -> Math.max(current, incoming);
        };
      }
      case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX, FLOAT_SUM, FLOAT_MIN, FLOAT_MAX -> {
        if (source.nulls[nulls][sourceRow] != 0) {
          return;
        }
        final double incoming = source.doubles[value][sourceRow];
        if (target.nulls[nulls][row] != 0) {
          target.doubles[value][row] = incoming;
          target.nulls[nulls][row] = 0;
          return;
        }
        final double current = target.doubles[value][row];
        target.doubles[value][row] = switch (metric.kind()) {
          case DOUBLE_SUM -> current + incoming;
          case FLOAT_SUM -> (float) (current + incoming);
          case DOUBLE_MIN, FLOAT_MIN -> Math.min(current, incoming);
          default -> Math.max(current, incoming);
        };
      }
      default -> {
        // first/last: compare event times
        final int timeColumn = metric.timeColumn();
        final long incomingTime = source.longs[timeColumn][sourceRow];
        final long currentTime = target.longs[timeColumn][row];
        final boolean take = metric.kind().isFirst() ? incomingTime < currentTime : incomingTime >= currentTime;
        if (!take) {
          return;
        }
        target.longs[timeColumn][row] = incomingTime;
        switch (metric.kind()) {
          case LONG_FIRST, LONG_LAST, STRING_FIRST, STRING_LAST ->
              target.longs[value][row] = source.longs[value][sourceRow];
          default -> target.doubles[value][row] = source.doubles[value][sourceRow];
        }
        if (nulls >= 0) {
          target.nulls[nulls][row] = source.nulls[nulls][sourceRow];
        }
      }
    }
  }
}
