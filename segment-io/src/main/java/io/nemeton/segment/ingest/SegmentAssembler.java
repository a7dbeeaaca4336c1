package io.nemeton.segment.ingest;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.Utf8Dictionary;
import io.nemeton.segment.ingest.spec.MetricKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/**
 * Turns sorted, rolled-up rows into a {@link ColumnarSegment}: dimensions in spec order, then
 * metrics. Each string dimension gets the segment's own sorted dictionary (null first when
 * present), handed over as UTF-8 bytes, and its ids remapped from the global ones; it is
 * multi-value when any row holds a list.
 * Numeric nulls become a null bitmap with 0 stored. Sketch states are built for rows that still
 * hold raw input. First/last pairs are serialized, little-endian: {@code long time}, then for
 * strings {@code int length} (-1 for null) and UTF-8 bytes (cut to {@code maxStringBytes} on a
 * character boundary), for numbers {@code byte isNull} and the value ({@code long}, {@code
 * double} or {@code float}).
 *
 * <p>Not thread-safe; keeps per-field scratch arrays between segments.
 */
final class SegmentAssembler {
  /** Dictionaries of up to this many codes map codes to local ids by a table (64 KiB at most). */
  private static final int CODE_TABLE_MAX = 1 << 14;
  private static final VarHandle FLAGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final InputSchema schema;
  private final Aggregation aggregation;
  private long[] present = new long[0];
  private int[] rankOfRow = new int[0];
  private int[] before = new int[1];
  private int[] idsInOrder = new int[0];
  private int[] localOfCode = new int[0];
  /** True while the current segment may take the row arrays as they are. */
  private boolean owned;

  SegmentAssembler(InputSchema schema, Aggregation aggregation) {
    this.schema = schema;
    this.aggregation = aggregation;
  }

  /**
   * Builds the segment of rows {@code [0, count)}. When {@code handOver} and the columns hold
   * exactly {@code count} rows, their arrays become the segment's without a copy (the caller must
   * not touch {@code rows} again).
   */
  ColumnarSegment assemble(SegmentInfo info, RowColumns rows, int count, boolean handOver) {
    owned = handOver && rows.capacity == count;
    final ColumnarSegment segment = new ColumnarSegment(info, count).time(copy(rows.time, count));
    for (DimensionColumn dimension : schema.dimensions()) {
      switch (dimension.type()) {
        case STRING -> stringDimension(segment, dimension, rows, count);
        case LONG -> segment.longColumn(dimension.name(), ColumnRole.DIMENSION,
            longs(rows.longs[dimension.column()], rows.nulls[dimension.nullColumn()], count),
            nullRows(rows.nulls[dimension.nullColumn()], count));
        case FLOAT -> segment.floatColumn(dimension.name(), ColumnRole.DIMENSION,
            floats(rows.doubles[dimension.column()], rows.nulls[dimension.nullColumn()], count),
            nullRows(rows.nulls[dimension.nullColumn()], count));
        case DOUBLE -> segment.doubleColumn(dimension.name(), ColumnRole.DIMENSION,
            doubles(rows.doubles[dimension.column()], rows.nulls[dimension.nullColumn()], count),
            nullRows(rows.nulls[dimension.nullColumn()], count));
      }
    }
    final MetricColumn[] metrics = aggregation.metrics();
    for (int m = 0; m < metrics.length; m++) {
      metric(segment, metrics[m], m, rows, count);
    }
    return segment;
  }

  /**
   * The segment's dictionary is the set of ranks its rows use, kept as a bitset over all ranks
   * (a million values take 128 KiB, which stays in cache): a row's local id is the number of set
   * bits below its rank. The bitset gives the sorted order for free, and rows are read twice in
   * sequence with one dictionary lookup each.
   */
  private void stringDimension(ColumnarSegment segment, DimensionColumn dimension, RowColumns rows, int count) {
    final StringField field = dimension.stringField();
    final ValueDictionary dictionary = field.dictionary;
    final int[] ranks = dictionary.ranks();
    final int[] sortedIds = dictionary.sortedIds();
    final int words = (dictionary.size() + 63) >>> 6;
    if (present.length < words) {
      present = new long[words];
      before = new int[words + 1];
    } else {
      Arrays.fill(present, 0, words, 0L);
    }
    final long[] bits = present;
    final int[] codes = rows.ints[field.slot];
    // a small dictionary maps codes to local ids through a table that stays in cache, so the rows'
    // ranks need not be kept between the two passes
    final boolean byCode = dictionary.size() <= CODE_TABLE_MAX;
    if (!byCode && rankOfRow.length < count) {
      rankOfRow = new int[count];
    }
    final int[] rowRanks = byCode ? null : rankOfRow;
    boolean multiValue = false;
    int listValues = 0;
    for (int r = 0; r < count; r++) {
      final int code = codes[r];
      if (code >= 0) {
        final int rank = ranks[code];
        bits[rank >>> 6] |= 1L << rank;
        if (rowRanks != null) {
          rowRanks[r] = rank;
        }
      } else {
        multiValue = true;
        final int values = field.valueCount(code);
        listValues += values;
        for (int i = 0; i < values; i++) {
          final int rank = ranks[field.valueId(code, i)];
          bits[rank >>> 6] |= 1L << rank;
        }
      }
    }
    int total = 0;
    for (int w = 0; w < words; w++) {
      before[w] = total;
      total += Long.bitCount(bits[w]);
    }
    final Utf8Dictionary values = utf8Values(dictionary, sortedIds, bits, words, total);
    if (!multiValue) {
      // the codes array can become the ids when the segment owns it and no sketch still reads it
      final int[] ids = owned && !readByMetric(field.slot) ? codes : new int[count];
      if (byCode) {
        final int size = dictionary.size();
        if (localOfCode.length < size) {
          localOfCode = new int[CODE_TABLE_MAX + 1];
        }
        final int[] table = localOfCode;
        for (int code = 0; code < size; code++) {
          // codes no row uses get a value too; it is never read
          table[code] = localId(bits, ranks[code]);
        }
        for (int r = 0; r < count; r++) {
          ids[r] = table[codes[r]];
        }
      } else {
        for (int r = 0; r < count; r++) {
          ids[r] = localId(bits, rowRanks[r]);
        }
      }
      segment.utf8StringColumn(dimension.name(), ColumnRole.DIMENSION, values, ids);
      return;
    }
    final int[] rowStarts = new int[count + 1];
    int singles = 0;
    for (int r = 0; r < count; r++) {
      singles += codes[r] >= 0 ? 1 : 0;
    }
    final int[] valueIds = new int[singles + listValues];
    int out = 0;
    for (int r = 0; r < count; r++) {
      rowStarts[r] = out;
      final int code = codes[r];
      if (code >= 0) {
        valueIds[out++] = localId(bits, ranks[code]);
      } else {
        final int valueCount = field.valueCount(code);
        for (int i = 0; i < valueCount; i++) {
          valueIds[out++] = localId(bits, ranks[field.valueId(code, i)]);
        }
      }
    }
    rowStarts[count] = out;
    segment.utf8MultiValueStringColumn(dimension.name(), ColumnRole.DIMENSION, values, rowStarts, valueIds);
  }

  /**
   * The segment's dictionary, the ranks set in {@code bits} in order, as UTF-8 copied straight from
   * the ingest dictionary: no String per value. Its arrays are the segment's (fresh each time, since
   * a segment may outlive the next one's assembly).
   */
  private Utf8Dictionary utf8Values(ValueDictionary dictionary, int[] sortedIds, long[] bits, int words, int total) {
    if (idsInOrder.length < total) {
      idsInOrder = new int[total];
    }
    final int[] ids = idsInOrder;
    int next = 0;
    long byteCount = 0;
    for (int w = 0; w < words; w++) {
      long word = bits[w];
      while (word != 0) {
        final int rank = (w << 6) + Long.numberOfTrailingZeros(word);
        final int id = rank == 0 ? ValueDictionary.NULL_ID : sortedIds[rank - 1];
        ids[next++] = id;
        byteCount += dictionary.valueLength(id);
        word &= word - 1;
      }
    }
    if (byteCount > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a segment's dictionary of " + total + " values takes " + byteCount
          + " bytes, above the limit of " + (Integer.MAX_VALUE - 16));
    }
    final byte[] bytes = new byte[(int) byteCount];
    final int[] offsets = new int[total + 1];
    int at = 0;
    for (int i = 0; i < total; i++) {
      at += dictionary.copyValue(ids[i], bytes, at);
      offsets[i + 1] = at;
    }
    final boolean hasNull = total > 0 && (bits[0] & 1L) != 0;
    return new Utf8Dictionary(bytes, offsets, total, hasNull);
  }

  /** The position of {@code rank} among the set bits (the segment-local id). */
  private int localId(long[] bits, int rank) {
    final int word = rank >>> 6;
    return before[word] + Long.bitCount(bits[word] & ((1L << rank) - 1));
  }

  private boolean readByMetric(int slot) {
    for (MetricColumn metric : aggregation.metrics()) {
      if (metric.inputField() != null && metric.inputField().slot == slot) {
        return true;
      }
    }
    return false;
  }

  private void metric(ColumnarSegment segment, MetricColumn metric, int index, RowColumns rows, int count) {
    final String name = metric.spec().name();
    final int value = metric.valueColumn();
    final int nulls = metric.nullColumn();
    final MetricKind kind = metric.kind();
    switch (kind) {
      case COUNT -> segment.longColumn(name, ColumnRole.METRIC, copy(rows.longs[value], count), null);
      case LONG_SUM, LONG_MIN, LONG_MAX -> segment.longColumn(name, ColumnRole.METRIC,
          longs(rows.longs[value], rows.nulls[nulls], count), nullRows(rows.nulls[nulls], count));
      case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> segment.doubleColumn(name, ColumnRole.METRIC,
          doubles(rows.doubles[value], rows.nulls[nulls], count), nullRows(rows.nulls[nulls], count));
      case FLOAT_SUM, FLOAT_MIN, FLOAT_MAX -> segment.floatColumn(name, ColumnRole.METRIC,
          floats(rows.doubles[value], rows.nulls[nulls], count), nullRows(rows.nulls[nulls], count));
      case HYPER_UNIQUE, HLL_SKETCH, THETA_SKETCH, QUANTILES_DOUBLES_SKETCH -> {
        final SketchAccumulator sketch = aggregation.sketch(index);
        final byte[][] states = new byte[count][];
        for (int r = 0; r < count; r++) {
          states[r] = sketch.stateOf(rows, r);
        }
        segment.complexColumn(name, ColumnRole.METRIC, kind.complexTypeName(), states);
      }
      default -> segment.complexColumn(name, ColumnRole.METRIC, kind.complexTypeName(), pairs(metric, rows, count));
    }
  }

  private static byte[][] pairs(MetricColumn metric, RowColumns rows, int count) {
    final byte[][] pairs = new byte[count][];
    final long[] times = rows.longs[metric.timeColumn()];
    final int value = metric.valueColumn();
    final int nulls = metric.nullColumn();
    for (int r = 0; r < count; r++) {
      final ByteBuffer pair;
      switch (metric.kind()) {
        case STRING_FIRST, STRING_LAST -> {
          final String text = codeText(metric.inputField(), (int) rows.longs[value][r]);
          if (text == null) {
            pair = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(times[r]).putInt(-1);
          } else {
            final byte[] utf8 = truncate(text, metric.spec().maxStringBytes());
            pair = ByteBuffer.allocate(12 + utf8.length).order(ByteOrder.LITTLE_ENDIAN).putLong(times[r])
                .putInt(utf8.length).put(utf8);
          }
        }
        case LONG_FIRST, LONG_LAST -> pair = ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN).putLong(times[r])
            .put(rows.nulls[nulls][r]).putLong(rows.nulls[nulls][r] != 0 ? 0 : rows.longs[value][r]);
        case FLOAT_FIRST, FLOAT_LAST -> pair = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).putLong(times[r])
            .put(rows.nulls[nulls][r]).putFloat(rows.nulls[nulls][r] != 0 ? 0 : (float) rows.doubles[value][r]);
        default -> pair = ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN).putLong(times[r])
            .put(rows.nulls[nulls][r]).putDouble(rows.nulls[nulls][r] != 0 ? 0 : rows.doubles[value][r]);
      }
      pairs[r] = pair.array();
    }
    return pairs;
  }

  /** The text of a code: a value, or a list written as {@code [a, b]}. */
  private static String codeText(StringField field, int code) {
    if (code >= 0) {
      return field.dictionary.value(code);
    }
    final StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < field.valueCount(code); i++) {
      text.append(i == 0 ? "" : ", ").append(field.dictionary.value(field.valueId(code, i)));
    }
    return text.append(']').toString();
  }

  private static byte[] truncate(String text, int maxBytes) {
    final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= maxBytes) {
      return utf8;
    }
    int end = maxBytes;
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--;
    }
    return Arrays.copyOf(utf8, end);
  }

  private long[] copy(long[] values, int count) {
    return owned ? values : Arrays.copyOf(values, count);
  }

  private long[] longs(long[] values, byte[] nulls, int count) {
    final long[] copy = copy(values, count);
    for (int r = nextNull(nulls, 0, count); r < count; r = nextNull(nulls, r + 1, count)) {
      copy[r] = 0;
    }
    return copy;
  }

  private double[] doubles(double[] values, byte[] nulls, int count) {
    final double[] copy = owned ? values : Arrays.copyOf(values, count);
    for (int r = nextNull(nulls, 0, count); r < count; r = nextNull(nulls, r + 1, count)) {
      copy[r] = 0;
    }
    return copy;
  }

  private static float[] floats(double[] values, byte[] nulls, int count) {
    final float[] copy = new float[count];
    for (int r = 0; r < count; r++) {
      copy[r] = nulls[r] != 0 ? 0 : (float) values[r];
    }
    return copy;
  }

  private static RoaringBitmap nullRows(byte[] nulls, int count) {
    RoaringBitmap bitmap = null;
    for (int r = nextNull(nulls, 0, count); r < count; r = nextNull(nulls, r + 1, count)) {
      if (bitmap == null) {
        bitmap = new RoaringBitmap();
      }
      bitmap.add(r);
    }
    if (bitmap != null) {
      bitmap.runOptimize();
    }
    return bitmap;
  }

  /**
   * The first null row at or after {@code from}, or {@code count} when there is none. Columns are
   * mostly without nulls, so the flags are read eight at a time.
   */
  private static int nextNull(byte[] nulls, int from, int count) {
    int r = from;
    while (r + Long.BYTES <= count && (long) FLAGS.get(nulls, r) == 0) {
      r += Long.BYTES;
    }
    while (r < count && nulls[r] == 0) {
      r++;
    }
    return r;
  }
}
