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
  void init(RowStore rows, int row, InputBatch batch, int[] selection, int from, int count) {
    for (final MetricColumn metric : metrics) {
      final int value = metric.valueColumn();
      final int nulls = metric.nullColumn();
      final int slot = metric.inputSlot();
      switch (metric.kind()) {
        case COUNT -> {
          for (int i = 0; i < count; i++) {
            rows.setLong(value, row + i, 1L);
          }
        }
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
          final int[] codes = batch.codes[slot];
          for (int i = 0; i < count; i++) {
            rows.setLong(value, row + i, codes[selection[from + i]]);
          }
        }
        case QUANTILES_DOUBLES_SKETCH -> {
          copyDoubles(rows, row, metric.inputColumn(), metric.inputNullColumn(), batch, slot, selection, from, count, false);
          clearStates(rows, metric.objectColumn(), row, count);
        }
        case HYPER_UNIQUE, HLL_SKETCH, THETA_SKETCH -> clearStates(rows, metric.objectColumn(), row, count);
      }
    }
  }

  private static void clearStates(RowStore rows, int column, int row, int count) {
    java.util.Arrays.fill(rows.objects[column], row, row + count, null);
  }

  private static void copyTimes(RowStore rows, int row, int column, InputBatch batch, int[] selection, int from, int count) {
    final long[] times = batch.times;
    for (int i = 0; i < count; i++) {
      rows.setLong(column, row + i, times[selection[from + i]]);
    }
  }

  private static void copyLongs(RowStore rows, int row, int value, int nulls, InputBatch batch, int slot,
      int[] selection, int from, int count) {
    final long[] source = batch.longs[slot];
    final byte[] sourceNulls = batch.longNulls[slot];
    for (int i = 0; i < count; i++) {
      final int s = selection[from + i];
      rows.setLong(value, row + i, sourceNulls[s] != 0 ? 0 : source[s]);
      rows.setNull(nulls, row + i, sourceNulls[s]);
    }
  }

  private static void copyDoubles(RowStore rows, int row, int value, int nulls, InputBatch batch, int slot,
      int[] selection, int from, int count, boolean roundToFloat) {
    final double[] source = batch.doubles[slot];
    final byte[] sourceNulls = batch.doubleNulls[slot];
    for (int i = 0; i < count; i++) {
      final int s = selection[from + i];
      final double v = sourceNulls[s] != 0 ? 0 : source[s];
      rows.setDouble(value, row + i, roundToFloat ? (float) v : v);
      rows.setNull(nulls, row + i, sourceNulls[s]);
    }
  }

  /**
   * Merges rows {@code order[from, to)} of {@code source} into row {@code row} of {@code target},
   * which already holds the group's first row.
   */
  void combineGroup(RowStore target, int row, RowStore source, int[] order, int from, int to) {
    for (int m = 0; m < metrics.length; m++) {
      final MetricColumn metric = metrics[m];
      if (metric.kind().isSketch()) {
        final SketchAccumulator sketch = sketches[m];
        sketch.reset();
        sketch.add(target, row);
        for (int i = from; i < to; i++) {
          sketch.add(source, order[i]);
        }
        target.setObject(metric.objectColumn(), row, sketch.result());
      } else {
        for (int i = from; i < to; i++) {
          combineScalar(metric, target, row, source, order[i]);
        }
      }
    }
  }

  /** Merges row {@code sourceRow} of {@code source} into row {@code row} of {@code target}. */
  void combine(RowStore target, int row, RowStore source, int sourceRow) {
    for (int m = 0; m < metrics.length; m++) {
      final MetricColumn metric = metrics[m];
      if (metric.kind().isSketch()) {
        final SketchAccumulator sketch = sketches[m];
        sketch.reset();
        sketch.add(target, row);
        sketch.add(source, sourceRow);
        target.setObject(metric.objectColumn(), row, sketch.result());
      } else {
        combineScalar(metric, target, row, source, sourceRow);
      }
    }
  }

  private static void combineScalar(MetricColumn metric, RowStore target, int row, RowStore source, int sourceRow) {
    final int value = metric.valueColumn();
    final int nulls = metric.nullColumn();
    switch (metric.kind()) {
      case COUNT -> target.setLong(value, row, target.longValue(value, row) + source.longValue(value, sourceRow));
      case LONG_SUM, LONG_MIN, LONG_MAX -> {
        if (source.isNull(nulls, sourceRow) != 0) {
          return;
        }
        final long incoming = source.longValue(value, sourceRow);
        if (target.isNull(nulls, row) != 0) {
          target.setLong(value, row, incoming);
          target.setNull(nulls, row, (byte) 0);
          return;
        }
        final long current = target.longValue(value, row);
        target.setLong(value, row, switch (metric.kind()) {
          case LONG_SUM -> current + incoming;
          case LONG_MIN -> Math.min(current, incoming);
          default -> Math.max(current, incoming);
        });
      }
      case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX, FLOAT_SUM, FLOAT_MIN, FLOAT_MAX -> {
        if (source.isNull(nulls, sourceRow) != 0) {
          return;
        }
        final double incoming = source.doubleValue(value, sourceRow);
        if (target.isNull(nulls, row) != 0) {
          target.setDouble(value, row, incoming);
          target.setNull(nulls, row, (byte) 0);
          return;
        }
        final double current = target.doubleValue(value, row);
        target.setDouble(value, row, switch (metric.kind()) {
          case DOUBLE_SUM -> current + incoming;
          case FLOAT_SUM -> (float) (current + incoming);
          case DOUBLE_MIN, FLOAT_MIN -> Math.min(current, incoming);
          default -> Math.max(current, incoming);
        });
      }
      default -> {
        // first/last: compare event times
        final int timeColumn = metric.timeColumn();
        final long incomingTime = source.longValue(timeColumn, sourceRow);
        final long currentTime = target.longValue(timeColumn, row);
        final boolean take = metric.kind().isFirst() ? incomingTime < currentTime : incomingTime >= currentTime;
        if (!take) {
          return;
        }
        target.setLong(timeColumn, row, incomingTime);
        switch (metric.kind()) {
          case LONG_FIRST, LONG_LAST, STRING_FIRST, STRING_LAST ->
              target.setLong(value, row, source.longValue(value, sourceRow));
          default -> target.setDouble(value, row, source.doubleValue(value, sourceRow));
        }
        if (nulls >= 0) {
          target.setNull(nulls, row, source.isNull(nulls, sourceRow));
        }
      }
    }
  }
}
