package io.nemeton.engine.storage;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.format.ColumnDescriptor;
import io.nemeton.segment.format.ComplexBlock;
import io.nemeton.segment.format.ComplexColumnReader;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.TimeColumnReader;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** {@link QueryableSegment} over a mapped segment file. Thread-safe. */
final class MappedQueryableSegment implements QueryableSegment {
  private static final ThreadLocal<long[]> TIME_SCRATCH =
      ThreadLocal.withInitial(() -> new long[ROWS_PER_BLOCK]);

  private final Segment segment;
  private final boolean ownsSegment;
  private final ConcurrentHashMap<String, MappedStringColumn> strings = new ConcurrentHashMap<>();

  MappedQueryableSegment(Segment segment, boolean ownsSegment) {
    if (segment.rowsPerBlock() != ROWS_PER_BLOCK) {
      throw new IllegalArgumentException("segment=" + segment.path() + ": rowsPerBlock=" + segment.rowsPerBlock()
          + " but the engine reads blocks of " + ROWS_PER_BLOCK);
    }
    this.segment = segment;
    this.ownsSegment = ownsSegment;
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
    return segment.columnNames();
  }

  @Override
  public ColumnInfo column(String name) {
    if (!segment.hasColumn(name)) {
      return null;
    }
    final ColumnDescriptor descriptor = segment.descriptor(name);
    final boolean hasNulls = switch (descriptor.type()) {
      case LONG -> name.equals(TIME_COLUMN) ? false : segment.longColumn(name).hasNulls();
      case FLOAT -> segment.floatColumn(name).hasNulls();
      case DOUBLE -> segment.doubleColumn(name).hasNulls();
      case STRING -> segment.stringColumn(name).hasNullValue();
      case COMPLEX -> false;
    };
    return new ColumnInfo(name, descriptor.type(), descriptor.role(), descriptor.multiValue(),
        descriptor.complexTypeName(), hasNulls);
  }

  @Override
  public long minTimeMs() {
    return time().blockMin(0);
  }

  @Override
  public long maxTimeMs() {
    final TimeColumnReader time = time();
    return time.blockMax(time.blockCount() - 1);
  }

  private TimeColumnReader time() {
    if (segment.rowCount() == 0) {
      throw new IllegalStateException("segment=" + segment.info().segmentId() + " has no rows");
    }
    return segment.time();
  }

  @Override
  public int lowerBoundRow(long timeMs) {
    if (segment.rowCount() == 0) {
      return 0;
    }
    return segment.time().lowerBoundRow(timeMs, TIME_SCRATCH.get());
  }

  @Override
  public long sizeBytes() {
    return segment.sizeBytes();
  }

  @Override
  public long columnSizeBytes(String name) {
    return segment.hasColumn(name) ? segment.columnSizeBytes(name) : 0;
  }

  @Override
  public NumericBlocks numericBlocks(String name) {
    if (name.equals(TIME_COLUMN)) {
      return MappedNumericBlocks.ofTime(segment.time());
    }
    if (!segment.hasColumn(name)) {
      return new AbsentNumericBlocks(segment.rowCount());
    }
    final ColumnType type = segment.columnType(name);
    return switch (type) {
      case LONG -> MappedNumericBlocks.ofLongs(segment.longColumn(name));
      case FLOAT -> MappedNumericBlocks.ofFloats(segment.floatColumn(name));
      case DOUBLE -> MappedNumericBlocks.ofDoubles(segment.doubleColumn(name));
      case STRING -> new DictionaryNumericBlocks(stringColumn(name), segment.rowCount());
      case COMPLEX -> throw new IllegalArgumentException(
          "column=" + name + " of segment=" + segmentId() + " is complex and cannot be read as numbers");
    };
  }

  @Override
  public ImmutableRoaringBitmap numericNullRows(String name) {
    if (name.equals(TIME_COLUMN)) {
      return Bitmaps.empty();
    }
    if (!segment.hasColumn(name)) {
      return null;
    }
    return switch (segment.columnType(name)) {
      case LONG -> segment.longColumn(name).nullRows();
      case FLOAT -> segment.floatColumn(name).nullRows();
      case DOUBLE -> segment.doubleColumn(name).nullRows();
      default -> null;
    };
  }

  @Override
  public StringColumn stringColumn(String name) {
    if (!segment.hasColumn(name) || segment.columnType(name) != ColumnType.STRING) {
      return null;
    }
    return strings.computeIfAbsent(name, n -> new MappedStringColumn(segment.stringColumn(n)));
  }

  @Override
  public ComplexBlocks complexBlocks(String name) {
    if (!segment.hasColumn(name) || segment.columnType(name) != ColumnType.COMPLEX) {
      throw new IllegalArgumentException("segment=" + segmentId() + " has no complex column=" + name);
    }
    final ComplexColumnReader reader = segment.complexColumn(name);
    return new ComplexBlocks() {
      private final ComplexBlock holder = new ComplexBlock();

      @Override
      public String typeName() {
        return reader.typeName();
      }

      @Override
      public int read(int block) {
        return reader.readBlock(block, holder);
      }

      @Override
      public MemorySegment value(int position) {
        return holder.value(position);
      }
    };
  }

  @Override
  public void close() {
    if (ownsSegment) {
      segment.close();
    }
  }

  @Override
  public String toString() {
    return "mapped " + segmentId();
  }
}
