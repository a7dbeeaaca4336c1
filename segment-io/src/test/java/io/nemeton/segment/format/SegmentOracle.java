package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ColumnarSegment.Column;
import io.nemeton.segment.ColumnarSegment.ComplexColumn;
import io.nemeton.segment.ColumnarSegment.DoubleColumn;
import io.nemeton.segment.ColumnarSegment.FloatColumn;
import io.nemeton.segment.ColumnarSegment.LongColumn;
import io.nemeton.segment.ColumnarSegment.StringColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.roaringbitmap.RoaringBitmap;

/**
 * Checks an opened segment against the {@link ColumnarSegment} it was written from, value by value,
 * with every statistic and index recomputed naively from the input.
 */
final class SegmentOracle {
  private SegmentOracle() {}

  static void check(ColumnarSegment expected, Segment actual, SplittableRandom random) {
    int rows = expected.rowCount();
    assertEquals(rows, actual.rowCount());
    assertEquals(expected.info().dataSource(), actual.info().dataSource());
    assertEquals(expected.info().segmentId(), actual.info().segmentId());
    assertEquals(expected.info().metadata(), actual.info().metadata());
    List<String> names = new ArrayList<>();
    names.add(ColumnarSegment.TIME_COLUMN);
    for (Column column : expected.columns()) {
      names.add(column.name());
    }
    assertEquals(names, actual.columnNames());
    checkTime(expected.timesMs(), actual.time(), random);
    long total = actual.columnSizeBytes(ColumnarSegment.TIME_COLUMN);
    for (Column column : expected.columns()) {
      assertEquals(column.type(), actual.columnType(column.name()));
      assertEquals(column.role(), actual.role(column.name()));
      switch (column) {
        case LongColumn c -> checkLong(c, actual.longColumn(c.name()));
        case FloatColumn c -> checkFloat(c, actual.floatColumn(c.name()));
        case DoubleColumn c -> checkDouble(c, actual.doubleColumn(c.name()));
        case StringColumn c -> checkString(c, actual.stringColumn(c.name()), rows, random);
        case ComplexColumn c -> checkComplex(c, actual.complexColumn(c.name()));
      }
      assertEquals(actual.columnSizeBytes(column.name()), actual.column(column.name()).sizeBytes());
      total += actual.columnSizeBytes(column.name());
    }
    assertTrue(total < actual.sizeBytes(), "columns fit in the file");
  }

  static void checkTime(long[] times, TimeColumnReader reader, SplittableRandom random) {
    int rows = times.length;
    assertEquals(rows, reader.rowCount());
    assertEquals(BlockDirectoryLayout.blockCount(rows, SegmentFileLayout.ROWS_PER_BLOCK), reader.blockCount());
    long[] batch = new long[SegmentFileLayout.ROWS_PER_BLOCK];
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readBlock(b, batch);
      assertEquals(Math.min(SegmentFileLayout.ROWS_PER_BLOCK, rows - start), n);
      assertArrayEquals(Arrays.copyOfRange(times, start, start + n), Arrays.copyOf(batch, n), "time block " + b);
      assertEquals(times[start], reader.blockMin(b));
      assertEquals(times[start + n - 1], reader.blockMax(b));
    }
    List<Long> probes = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, RandomSegments.START_MS));
    for (int i = 0; i < 50 && rows > 0; i++) {
      long t = times[random.nextInt(rows)];
      probes.add(t);
      probes.add(t - 1);
      probes.add(t + 1);
      probes.add(RandomSegments.START_MS + random.nextLong(RandomSegments.DAY_MS));
    }
    for (long t : probes) {
      int naive = 0;
      while (naive < rows && times[naive] < t) {
        naive++;
      }
      assertEquals(naive, reader.lowerBoundRow(t), "lowerBoundRow(" + t + ")");
    }
  }

  private static void checkLong(LongColumn column, LongColumnReader reader) {
    long[] values = column.values();
    RoaringBitmap nulls = orEmpty(column.nullRows());
    assertNulls(nulls, reader.hasNulls(), reader.nullRows().toRoaringBitmap());
    long[] batch = new long[SegmentFileLayout.ROWS_PER_BLOCK];
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readBlock(b, batch);
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      int nullCount = 0;
      for (int i = 0; i < n; i++) {
        boolean isNull = nulls.contains(start + i);
        assertEquals(isNull ? 0 : values[start + i], batch[i], column.name() + " row " + (start + i));
        if (isNull) {
          nullCount++;
        } else {
          min = Math.min(min, values[start + i]);
          max = Math.max(max, values[start + i]);
        }
      }
      assertEquals(nullCount, reader.blockNullCount(b));
      assertEquals(nullCount == n ? 0 : min, reader.blockMin(b), column.name() + " min of block " + b);
      assertEquals(nullCount == n ? 0 : max, reader.blockMax(b), column.name() + " max of block " + b);
    }
  }

  private static void checkFloat(FloatColumn column, FloatColumnReader reader) {
    float[] values = column.values();
    RoaringBitmap nulls = orEmpty(column.nullRows());
    assertNulls(nulls, reader.hasNulls(), reader.nullRows().toRoaringBitmap());
    float[] batch = new float[SegmentFileLayout.ROWS_PER_BLOCK];
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readBlock(b, batch);
      int nullCount = 0;
      for (int i = 0; i < n; i++) {
        boolean isNull = nulls.contains(start + i);
        assertEquals(Float.floatToIntBits(isNull ? 0f : values[start + i]), Float.floatToIntBits(batch[i]),
            column.name() + " row " + (start + i));
        nullCount += isNull ? 1 : 0;
      }
      assertEquals(nullCount, reader.blockNullCount(b));
      if (nullCount == n) {
        assertEquals(0f, reader.blockMin(b));
        assertEquals(0f, reader.blockMax(b));
      } else {
        float[] nonNull = nonNullFloats(values, nulls, start, n);
        Arrays.sort(nonNull); // Float.compare order
        assertEquals(Float.floatToIntBits(nonNull[0]), Float.floatToIntBits(reader.blockMin(b)), "min of block " + b);
        assertEquals(Float.floatToIntBits(nonNull[nonNull.length - 1]), Float.floatToIntBits(reader.blockMax(b)),
            "max of block " + b);
      }
    }
  }

  private static float[] nonNullFloats(float[] values, RoaringBitmap nulls, int start, int n) {
    float[] out = new float[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!nulls.contains(start + i)) {
        out[count++] = values[start + i];
      }
    }
    return Arrays.copyOf(out, count);
  }

  private static void checkDouble(DoubleColumn column, DoubleColumnReader reader) {
    double[] values = column.values();
    RoaringBitmap nulls = orEmpty(column.nullRows());
    assertNulls(nulls, reader.hasNulls(), reader.nullRows().toRoaringBitmap());
    double[] batch = new double[SegmentFileLayout.ROWS_PER_BLOCK];
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readBlock(b, batch);
      double[] nonNull = new double[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        boolean isNull = nulls.contains(start + i);
        assertEquals(Double.doubleToLongBits(isNull ? 0d : values[start + i]), Double.doubleToLongBits(batch[i]),
            column.name() + " row " + (start + i));
        if (!isNull) {
          nonNull[count++] = values[start + i];
        }
      }
      assertEquals(n - count, reader.blockNullCount(b));
      if (count == 0) {
        assertEquals(0d, reader.blockMin(b));
        assertEquals(0d, reader.blockMax(b));
      } else {
        double[] sorted = Arrays.copyOf(nonNull, count);
        Arrays.sort(sorted); // Double.compare order
        assertEquals(Double.doubleToLongBits(sorted[0]), Double.doubleToLongBits(reader.blockMin(b)));
        assertEquals(Double.doubleToLongBits(sorted[count - 1]), Double.doubleToLongBits(reader.blockMax(b)));
      }
    }
  }

  private static void checkString(StringColumn column, StringColumnReader reader, int rows, SplittableRandom random) {
    String[] dictionary = column.dictionary();
    assertEquals(column.multiValue(), reader.hasMultipleValues());
    assertEquals(dictionary.length, reader.cardinality());
    assertEquals(dictionary.length > 0 && dictionary[0] == null, reader.hasNullValue());
    assertEquals(Arrays.asList(dictionary), reader.sortedValues());
    for (int id = 0; id < dictionary.length; id++) {
      assertEquals(dictionary[id], reader.value(id));
      assertEquals(id, reader.lookupId(dictionary[id]), "lookupId of id " + id);
    }
    for (int i = 0; i < 50; i++) {
      String probe = random.nextInt(10) == 0 ? null : RandomSegments.string(random);
      assertEquals(naiveLookup(dictionary, probe), reader.lookupId(probe), "lookupId(" + probe + ")");
    }
    // naive inverted index: each row's distinct values
    RoaringBitmap[] expectedBitmaps = new RoaringBitmap[dictionary.length];
    for (int id = 0; id < dictionary.length; id++) {
      expectedBitmaps[id] = new RoaringBitmap();
    }
    int[] rowStarts = new int[SegmentFileLayout.ROWS_PER_BLOCK + 1];
    int[] ids = new int[Math.max(SegmentFileLayout.ROWS_PER_BLOCK, reader.maxBlockValueCount())];
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readMultiValueBlock(b, rowStarts, ids);
      int min = Integer.MAX_VALUE;
      int max = -1;
      for (int i = 0; i < n; i++) {
        int row = start + i;
        int[] expectedRow = column.multiValue()
            ? Arrays.copyOfRange(column.ids(), column.rowStarts()[row], column.rowStarts()[row + 1])
            : new int[] {column.ids()[row]};
        assertArrayEquals(expectedRow, Arrays.copyOfRange(ids, rowStarts[i], rowStarts[i + 1]),
            column.name() + " row " + row);
        for (int id : expectedRow) {
          expectedBitmaps[id].add(row);
          min = Math.min(min, id);
          max = Math.max(max, id);
        }
      }
      assertEquals(rowStarts[n], reader.blockValueCount(b));
      assertEquals(max < 0 ? 0 : min, reader.blockMinId(b), "min id of block " + b);
      assertEquals(max, reader.blockMaxId(b), "max id of block " + b);
      if (!column.multiValue()) {
        int[] single = new int[SegmentFileLayout.ROWS_PER_BLOCK];
        assertEquals(n, reader.readIdsBlock(b, single));
        assertArrayEquals(Arrays.copyOfRange(column.ids(), start, start + n), Arrays.copyOf(single, n));
      }
    }
    for (int id = 0; id < dictionary.length; id++) {
      assertEquals(expectedBitmaps[id], reader.bitmap(id).toRoaringBitmap(), column.name() + " bitmap of id " + id);
    }
    assertEquals(rows, reader.rowCount());
  }

  /** The id of {@code probe} by linear search in String order, or -(insertion point) - 1. */
  static int naiveLookup(String[] dictionary, String probe) {
    int first = dictionary.length > 0 && dictionary[0] == null ? 1 : 0;
    if (probe == null) {
      return first == 1 ? 0 : -1;
    }
    int position = first;
    while (position < dictionary.length && dictionary[position].compareTo(probe) < 0) {
      position++;
    }
    return position < dictionary.length && dictionary[position].equals(probe) ? position : -position - 1;
  }

  private static void checkComplex(ComplexColumn column, ComplexColumnReader reader) {
    assertEquals(column.typeName(), reader.typeName());
    ComplexBlock block = new ComplexBlock();
    for (int b = 0; b < reader.blockCount(); b++) {
      int start = reader.blockStartRow(b);
      int n = reader.readBlock(b, block);
      assertEquals(n, block.rowCount());
      for (int i = 0; i < n; i++) {
        assertArrayEquals(column.values()[start + i], block.copyValue(i), column.name() + " row " + (start + i));
        assertEquals(column.values()[start + i].length, block.valueSizeBytes(i));
      }
    }
  }

  private static void assertNulls(RoaringBitmap expected, boolean hasNulls, RoaringBitmap actual) {
    assertEquals(!expected.isEmpty(), hasNulls);
    assertEquals(expected, actual);
    if (expected.isEmpty()) {
      assertFalse(hasNulls);
    }
  }

  private static RoaringBitmap orEmpty(RoaringBitmap bitmap) {
    return bitmap == null ? new RoaringBitmap() : bitmap;
  }
}
