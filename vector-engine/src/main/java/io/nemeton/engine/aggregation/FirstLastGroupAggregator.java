package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.ComplexBlocks;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code *First} and {@code *Last}: per group, the value of the row with the earliest (first) or
 * latest (last) time; a null value counts as that row's value and rows with a null time are
 * skipped, as in Druid. Ties keep the earlier row for first and the later row for last, so the
 * answer follows row order. Numeric values are kept unboxed; strings (and multi-value rows, as
 * their list's text) are kept as objects, cut to {@code maxStringBytes} UTF-8 bytes. Not
 * thread-safe. A column of pairs stored at ingest (rolled-up first/last) is merged by the pairs'
 * own times.
 */
final class FirstLastGroupAggregator implements GroupAggregator {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfDouble DOUBLE =
      ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** How the value is read and kept. */
  enum ValueKind { LONG, DOUBLE, FLOAT, STRING }

  private final NumericBlocks times;
  private final ComplexBlocks pairs;
  private final NumericBlocks numbers;
  private final ValueBlocks strings;
  private final ValueKind kind;
  private final boolean first;
  private final int maxStringBytes;
  private ValueKind pairKind = ValueKind.DOUBLE;
  private int pairBlock = -1;
  private long[] bestTimes = new long[1];
  private long[] longValues = new long[1];
  private double[] doubleValues = new double[1];
  private Object[] objects = new Object[1];
  private boolean[] valueNull = new boolean[1];
  private boolean[] seen = new boolean[1];

  /**
   * @param pairs a column of (time, value) pairs stored at ingest by the same kind of aggregator,
   *     read instead of {@code times} and the value column; null for raw columns
   */
  FirstLastGroupAggregator(NumericBlocks times, ComplexBlocks pairs, NumericBlocks numbers, ValueBlocks strings,
      ValueKind kind, boolean first, int maxStringBytes) {
    this.times = times;
    this.pairs = pairs;
    this.numbers = numbers;
    this.strings = strings;
    this.kind = kind;
    this.first = first;
    this.maxStringBytes = maxStringBytes;
  }

  /** Sets the value type stored in the pair column ({@code serializablePairLong<Type>}). */
  FirstLastGroupAggregator pairsOf(String complexTypeName) {
    this.pairKind = complexTypeName.endsWith("Long") ? ValueKind.LONG
        : complexTypeName.endsWith("Float") ? ValueKind.FLOAT : ValueKind.DOUBLE;
    return this;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > seen.length) {
      final int capacity = Math.max(groups, seen.length * 2);
      bestTimes = Arrays.copyOf(bestTimes, capacity);
      longValues = Arrays.copyOf(longValues, capacity);
      doubleValues = Arrays.copyOf(doubleValues, capacity);
      objects = Arrays.copyOf(objects, capacity);
      valueNull = Arrays.copyOf(valueNull, capacity);
      seen = Arrays.copyOf(seen, capacity);
    }
  }

  @Override
  public void aggregate(Batch batch, int group) {
    if (pairs != null) {
      aggregatePairs(batch, group, null);
      return;
    }
    final int size = batch.size();
    final int block = batch.block();
    final long[] timeValues = times.longs(block);
    final boolean[] timeNulls = times.nulls(block);
    for (int i = 0; i < size; i++) {
      final int position = batch.position(i);
      if (timeNulls == null || !timeNulls[position]) {
        offer(group, timeValues[position], block, position);
      }
    }
  }

  @Override
  public void aggregate(Batch batch, int[] groups) {
    if (pairs != null) {
      aggregatePairs(batch, 0, groups);
      return;
    }
    final int size = batch.size();
    final int block = batch.block();
    final long[] timeValues = times.longs(block);
    final boolean[] timeNulls = times.nulls(block);
    for (int i = 0; i < size; i++) {
      final int position = batch.position(i);
      if (timeNulls == null || !timeNulls[position]) {
        offer(groups[i], timeValues[position], block, position);
      }
    }
  }

  /** Reads each row's stored pair; see {@code SegmentAssembler} for the little-endian layout. */
  private void aggregatePairs(Batch batch, int group, int[] groups) {
    final int size = batch.size();
    if (pairBlock != batch.block()) {
      pairs.read(batch.block());
      pairBlock = batch.block();
    }
    for (int i = 0; i < size; i++) {
      final MemorySegment pair = pairs.value(batch.position(i));
      final long time = pair.get(LONG, 0);
      final Object value;
      if (kind == ValueKind.STRING) {
        final int length = pair.get(INT, 8);
        value = length < 0 ? null : new String(pair.asSlice(12, length).toArray(ValueLayout.JAVA_BYTE),
            StandardCharsets.UTF_8);
      } else if (pair.get(ValueLayout.JAVA_BYTE, 8) != 0) {
        value = null;
      } else {
        value = switch (pairKind) {
          case LONG -> (Object) pair.get(LONG, 9);
          case FLOAT -> (Object) pair.get(FLOAT, 9);
          default -> (Object) pair.get(DOUBLE, 9);
        };
      }
      offerValue(groups == null ? group : groups[i], time, value);
    }
  }

  private void offerValue(int group, long time, Object value) {
    final boolean better = !seen[group] || (first ? time < bestTimes[group] : time >= bestTimes[group]);
    if (!better) {
      return;
    }
    seen[group] = true;
    bestTimes[group] = time;
    if (kind == ValueKind.STRING) {
      objects[group] = value == null ? null : FirstLastAggregation.truncate(value.toString(), maxStringBytes);
      return;
    }
    valueNull[group] = value == null;
    if (value != null) {
      final Number number = (Number) value;
      if (kind == ValueKind.LONG) {
        longValues[group] = number.longValue();
      } else if (kind == ValueKind.FLOAT) {
        doubleValues[group] = number.floatValue();
      } else {
        doubleValues[group] = number.doubleValue();
      }
    }
  }

  private void offer(int group, long time, int block, int position) {
    final boolean better = !seen[group] || (first ? time < bestTimes[group] : time >= bestTimes[group]);
    if (!better) {
      return;
    }
    seen[group] = true;
    bestTimes[group] = time;
    if (kind == ValueKind.STRING) {
      objects[group] = truncate(strings.value(block, position));
      return;
    }
    final boolean[] nulls = numbers.nulls(block);
    valueNull[group] = nulls != null && nulls[position];
    switch (kind) {
      case LONG -> longValues[group] = numbers.longs(block)[position];
      case DOUBLE -> doubleValues[group] = numbers.doubles(block)[position];
      default -> doubleValues[group] = numbers.floats(block)[position];
    }
  }

  private String truncate(Object value) {
    if (value == null) {
      return null;
    }
    final String text = value.toString();
    return FirstLastAggregation.truncate(text, maxStringBytes);
  }

  @Override
  public Object get(int group) {
    if (!seen[group]) {
      return null;
    }
    final Object value;
    if (kind == ValueKind.STRING) {
      value = objects[group];
    } else if (valueNull[group]) {
      value = null;
    } else {
      value = switch (kind) {
        case LONG -> (Object) longValues[group];
        case DOUBLE -> (Object) doubleValues[group];
        default -> (Object) (float) doubleValues[group];
      };
    }
    return new TimedValue(bestTimes[group], value);
  }

  @Override
  public void reset(int groups) {
    final int count = Math.min(groups, seen.length);
    Arrays.fill(seen, 0, count, false);
    Arrays.fill(objects, 0, count, null);
  }
}
