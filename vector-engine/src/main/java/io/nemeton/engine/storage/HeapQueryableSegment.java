package io.nemeton.engine.storage;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * {@link QueryableSegment} over rows held on the heap ({@link ColumnarSegment}). Thread-safe as
 * long as nobody changes the segment's arrays.
 */
final class HeapQueryableSegment implements QueryableSegment {
  private final ColumnarSegment segment;
  private final List<String> columnNames;
  private final ConcurrentHashMap<String, HeapStringColumn> strings = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ImmutableRoaringBitmap> nullRows = new ConcurrentHashMap<>();

  HeapQueryableSegment(ColumnarSegment segment) {
    if (segment.timesMs().length != segment.rowCount()) {
      throw new IllegalArgumentException("segment=" + segment.info().segmentId() + ": __time length="
          + segment.timesMs().length + " does not match rowCount=" + segment.rowCount());
    }
    this.segment = segment;
    final List<String> names = new ArrayList<>();
    names.add(TIME_COLUMN);
    for (ColumnarSegment.Column column : segment.columns()) {
      names.add(column.name());
    }
    this.columnNames = Collections.unmodifiableList(names);
  }

  /** Built once: the historical matches a query's segment ids against it per request. */
  private String segmentId;

  @Override
  public String segmentId() {
    String id = segmentId;
    if (id == null) {
      id = QueryableSegment.super.segmentId();
      segmentId = id;
    }
    return id;
  }

  @Override
  public SegmentInfo info() {
    return segment.info();
  }

  @Override
  public int rowCount() {
    return segment.rowCount();
  }

  @Override
  public List<String> columnNames() {
    return columnNames;
  }

  @Override
  public ColumnInfo column(String name) {
    if (name.equals(TIME_COLUMN)) {
      return new ColumnInfo(name, ColumnType.LONG, ColumnRole.TIME, false, "", false);
    }
    final ColumnarSegment.Column column = segment.column(name);
    if (column == null) {
      return null;
    }
    return switch (column) {
      case ColumnarSegment.StringColumn string -> new ColumnInfo(name, ColumnType.STRING, column.role(),
          string.multiValue(), "", string.dictionary().length > 0 && string.dictionary()[0] == null);
      case ColumnarSegment.ComplexColumn complex -> new ColumnInfo(name, ColumnType.COMPLEX, column.role(), false,
          complex.typeName(), false);
      default -> new ColumnInfo(name, column.type(), column.role(), false, "", !nulls(column).isEmpty());
    };
  }

  private ImmutableRoaringBitmap nulls(ColumnarSegment.Column column) {
    return nullRows.computeIfAbsent(column.name(), n -> {
      final RoaringBitmap rows = switch (column) {
        case ColumnarSegment.LongColumn c -> c.nullRows();
        case ColumnarSegment.FloatColumn c -> c.nullRows();
        case ColumnarSegment.DoubleColumn c -> c.nullRows();
        default -> null;
      };
      return rows == null ? new RoaringBitmap().toMutableRoaringBitmap() : rows.toMutableRoaringBitmap();
    });
  }

  @Override
  public long minTimeMs() {
    checkRows();
    return segment.timesMs()[0];
  }

  @Override
  public long maxTimeMs() {
    checkRows();
    return segment.timesMs()[segment.rowCount() - 1];
  }

  private void checkRows() {
    if (segment.rowCount() == 0) {
      throw new IllegalStateException("segment=" + segmentId() + " has no rows");
    }
  }

  @Override
  public int lowerBoundRow(long timeMs) {
    final long[] times = segment.timesMs();
    int low = 0;
    int high = times.length;
    while (low < high) {
      final int middle = (low + high) >>> 1;
      if (times[middle] < timeMs) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  @Override
  public long sizeBytes() {
    long total = 8L * segment.rowCount();
    for (ColumnarSegment.Column column : segment.columns()) {
      total += columnSizeBytes(column.name());
    }
    return total;
  }

  @Override
  public long columnSizeBytes(String name) {
    if (name.equals(TIME_COLUMN)) {
      return 8L * segment.rowCount();
    }
    final ColumnarSegment.Column column = segment.column(name);
    if (column == null) {
      return 0;
    }
    return switch (column) {
      case ColumnarSegment.LongColumn c -> 8L * c.values().length;
      case ColumnarSegment.FloatColumn c -> 4L * c.values().length;
      case ColumnarSegment.DoubleColumn c -> 8L * c.values().length;
      case ColumnarSegment.StringColumn c -> {
        long bytes = 4L * c.ids().length + (c.rowStarts() == null ? 0 : 4L * c.rowStarts().length);
        for (String value : c.dictionary()) {
          bytes += value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        }
        yield bytes;
      }
      case ColumnarSegment.ComplexColumn c -> {
        long bytes = 0;
        for (byte[] value : c.values()) {
          bytes += value.length;
        }
        yield bytes;
      }
    };
  }

  @Override
  public NumericBlocks numericBlocks(String name) {
    if (name.equals(TIME_COLUMN)) {
      return HeapNumericBlocks.ofLongs(segment.timesMs(), null);
    }
    final ColumnarSegment.Column column = segment.column(name);
    if (column == null) {
      return new AbsentNumericBlocks(segment.rowCount());
    }
    return switch (column) {
      case ColumnarSegment.LongColumn c -> HeapNumericBlocks.ofLongs(c.values(), nulls(c));
      case ColumnarSegment.FloatColumn c -> HeapNumericBlocks.ofFloats(c.values(), nulls(c));
      case ColumnarSegment.DoubleColumn c -> HeapNumericBlocks.ofDoubles(c.values(), nulls(c));
      case ColumnarSegment.StringColumn c -> new DictionaryNumericBlocks(stringColumn(name), segment.rowCount());
      case ColumnarSegment.ComplexColumn c -> throw new IllegalArgumentException(
          "column=" + name + " of segment=" + segmentId() + " is complex and cannot be read as numbers");
    };
  }

  @Override
  public ImmutableRoaringBitmap numericNullRows(String name) {
    if (name.equals(TIME_COLUMN)) {
      return Bitmaps.empty();
    }
    final ColumnarSegment.Column column = segment.column(name);
    if (column == null || column.type() == ColumnType.STRING || column.type() == ColumnType.COMPLEX) {
      return null;
    }
    return nulls(column);
  }

  @Override
  public StringColumn stringColumn(String name) {
    if (!(segment.column(name) instanceof ColumnarSegment.StringColumn column)) {
      return null;
    }
    return strings.computeIfAbsent(name, n -> new HeapStringColumn(column, segment.rowCount()));
  }

  @Override
  public ComplexBlocks complexBlocks(String name) {
    if (!(segment.column(name) instanceof ColumnarSegment.ComplexColumn column)) {
      throw new IllegalArgumentException("segment=" + segmentId() + " has no complex column=" + name);
    }
    final int rowCount = segment.rowCount();
    return new ComplexBlocks() {
      private int start;

      @Override
      public String typeName() {
        return column.typeName();
      }

      @Override
      public int read(int block) {
        start = block * ROWS_PER_BLOCK;
        return Math.min(ROWS_PER_BLOCK, rowCount - start);
      }

      @Override
      public MemorySegment value(int position) {
        return MemorySegment.ofArray(column.values()[start + position]);
      }
    };
  }

  @Override
  public void close() {
    // nothing to release: the rows belong to the caller
  }

  @Override
  public String toString() {
    return "heap " + segmentId();
  }
}
