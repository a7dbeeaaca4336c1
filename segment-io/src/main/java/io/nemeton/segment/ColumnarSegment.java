package io.nemeton.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * One segment's rows held column by column on the heap: what ingestion produces and what
 * {@code SegmentWriter} writes. Rows are already sorted by {@code __time} then by the dimensions in
 * order, and rolled up if the spec asked for it.
 *
 * <p>Not thread-safe while being built; immutable by convention once handed to a writer. Arrays
 * are owned by this object (not copied).
 */
public final class ColumnarSegment {
  /** The time column's name, as in Druid. */
  public static final String TIME_COLUMN = "__time";

  private final SegmentInfo info;
  private final int rowCount;
  private long[] timesMs;
  private final Map<String, Column> columns = new LinkedHashMap<>();

  public ColumnarSegment(SegmentInfo info, int rowCount) {
    this.info = Objects.requireNonNull(info, "info");
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount=" + rowCount + " must be >= 0");
    }
    this.rowCount = rowCount;
    this.timesMs = new long[0];
  }

  public SegmentInfo info() {
    return info;
  }

  public int rowCount() {
    return rowCount;
  }

  /** Sets {@code __time}: epoch millis, ascending, length {@code rowCount}. */
  public ColumnarSegment time(long[] timesMs) {
    checkLength("__time", timesMs.length);
    this.timesMs = timesMs;
    return this;
  }

  public long[] timesMs() {
    return timesMs;
  }

  /** Adds a long column; {@code nullRows} (may be null) marks rows whose value is null. */
  public ColumnarSegment longColumn(String name, ColumnRole role, long[] values, RoaringBitmap nullRows) {
    checkLength(name, values.length);
    return add(new LongColumn(name, role, values, nullRows));
  }

  public ColumnarSegment floatColumn(String name, ColumnRole role, float[] values, RoaringBitmap nullRows) {
    checkLength(name, values.length);
    return add(new FloatColumn(name, role, values, nullRows));
  }

  public ColumnarSegment doubleColumn(String name, ColumnRole role, double[] values, RoaringBitmap nullRows) {
    checkLength(name, values.length);
    return add(new DoubleColumn(name, role, values, nullRows));
  }

  /**
   * Adds a single-value string column. {@code dictionary} is sorted ascending (Java String order,
   * i.e. UTF-16 code units) with {@code null}, if present, at index 0; {@code ids[row]} indexes it.
   */
  public ColumnarSegment stringColumn(String name, ColumnRole role, String[] dictionary, int[] ids) {
    checkLength(name, ids.length);
    return add(new StringColumn(name, role, dictionary, null, ids));
  }

  /**
   * Adds a multi-value string column: row {@code r} holds {@code ids[rowStarts[r], rowStarts[r+1])}
   * in the row's original value order. {@code rowStarts} has {@code rowCount + 1} entries. A row
   * with no values is null: ingestion gives it the single id of null.
   */
  public ColumnarSegment multiValueStringColumn(
      String name, ColumnRole role, String[] dictionary, int[] rowStarts, int[] ids) {
    if (rowStarts.length != rowCount + 1) {
      throw new IllegalArgumentException(
          "column=" + name + ": rowStarts length=" + rowStarts.length + " expected=" + (rowCount + 1));
    }
    return add(new StringColumn(name, role, dictionary, rowStarts, ids));
  }

  /**
   * Adds a single-value string column whose sorted dictionary is given as UTF-8 bytes ({@link
   * Utf8Dictionary}); otherwise as {@link #stringColumn}. A writer encodes the bytes as they are.
   */
  public ColumnarSegment utf8StringColumn(String name, ColumnRole role, Utf8Dictionary dictionary, int[] ids) {
    checkLength(name, ids.length);
    return add(new StringColumn(name, role, null, null, ids, Objects.requireNonNull(dictionary, "dictionary")));
  }

  /** As {@link #multiValueStringColumn} with the dictionary given as UTF-8 bytes ({@link Utf8Dictionary}). */
  public ColumnarSegment utf8MultiValueStringColumn(
      String name, ColumnRole role, Utf8Dictionary dictionary, int[] rowStarts, int[] ids) {
    if (rowStarts.length != rowCount + 1) {
      throw new IllegalArgumentException(
          "column=" + name + ": rowStarts length=" + rowStarts.length + " expected=" + (rowCount + 1));
    }
    return add(new StringColumn(name, role, null, rowStarts, ids, Objects.requireNonNull(dictionary, "dictionary")));
  }

  /** Adds a complex column of serialized values (e.g. DataSketches), one per row, never null. */
  public ColumnarSegment complexColumn(String name, ColumnRole role, String typeName, byte[][] values) {
    checkLength(name, values.length);
    return add(new ComplexColumn(name, role, typeName, values));
  }

  /** The non-time columns in the order they were added (dimensions first, then metrics). */
  public List<Column> columns() {
    return Collections.unmodifiableList(new ArrayList<>(columns.values()));
  }

  public Column column(String name) {
    return columns.get(name);
  }

  private ColumnarSegment add(Column column) {
    if (column.name().equals(TIME_COLUMN) || columns.containsKey(column.name())) {
      throw new IllegalArgumentException("duplicate column name=" + column.name());
    }
    columns.put(column.name(), column);
    return this;
  }

  private void checkLength(String name, int length) {
    if (length != rowCount) {
      throw new IllegalArgumentException(
          "column=" + name + ": length=" + length + " does not match rowCount=" + rowCount);
    }
  }

  /** One column's data. */
  public sealed interface Column permits LongColumn, FloatColumn, DoubleColumn, StringColumn, ComplexColumn {
    String name();

    ColumnRole role();

    ColumnType type();
  }

  public record LongColumn(String name, ColumnRole role, long[] values, RoaringBitmap nullRows) implements Column {
    @Override
    public ColumnType type() {
      return ColumnType.LONG;
    }
  }

  public record FloatColumn(String name, ColumnRole role, float[] values, RoaringBitmap nullRows) implements Column {
    @Override
    public ColumnType type() {
      return ColumnType.FLOAT;
    }
  }

  public record DoubleColumn(String name, ColumnRole role, double[] values, RoaringBitmap nullRows) implements Column {
    @Override
    public ColumnType type() {
      return ColumnType.DOUBLE;
    }
  }

  /**
   * {@code rowStarts} is null for a single-value column. The dictionary is held either as Strings
   * ({@code dictionary}) or as UTF-8 bytes ({@code utf8}, then {@code dictionary} is null and {@link
   * #dictionary()} decodes the bytes once, on first use).
   */
  public record StringColumn(String name, ColumnRole role, String[] dictionary, int[] rowStarts, int[] ids,
      Utf8Dictionary utf8) implements Column {
    public StringColumn {
      if (dictionary != null && utf8 != null) {
        throw new IllegalArgumentException("column=" + name + ": a dictionary as Strings and as UTF-8 bytes, not both");
      }
    }

    /** A column whose dictionary is held as Strings. */
    public StringColumn(String name, ColumnRole role, String[] dictionary, int[] rowStarts, int[] ids) {
      this(name, role, dictionary, rowStarts, ids, null);
    }

    /** The dictionary as Strings, null first when present; decoded from {@link #utf8()} when held as bytes. */
    @Override
    public String[] dictionary() {
      return utf8 == null ? dictionary : utf8.strings();
    }

    /** The number of dictionary ids, null included, without decoding. */
    public int cardinality() {
      return utf8 == null ? dictionary.length : utf8.cardinality();
    }

    @Override
    public ColumnType type() {
      return ColumnType.STRING;
    }

    public boolean multiValue() {
      return rowStarts != null;
    }
  }

  public record ComplexColumn(String name, ColumnRole role, String typeName, byte[][] values) implements Column {
    @Override
    public ColumnType type() {
      return ColumnType.COMPLEX;
    }
  }
}
