package io.nemeton.segment.format;

import io.nemeton.memory.MappedFile;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An open segment file, memory-mapped: its header, schema and info are read and checked at open;
 * columns open lazily on first use and are cached; each region's checksum is checked the first
 * time it is used, or all at open with {@link RegionVerification#AT_OPEN}.
 *
 * <p>A corrupt or truncated file is refused with a {@link SegmentCorruptException} naming the file,
 * the region and what is wrong (both checksums for a mismatch), whether at open or later when a
 * region is first used.
 *
 * <p>Thread-safe: any number of threads may read columns. Everything it returns (readers, bitmaps,
 * mapped slices) is valid until {@link #close()}, after which using it throws {@link
 * IllegalStateException}; closing while other threads read is the caller's bug.
 */
public final class Segment implements AutoCloseable {
  private final MappedFile mapped;
  private final SegmentHeader header;
  private final TableOfContents toc;
  private final SegmentInfo info;
  private final Region[] regions;
  private final Map<String, Integer> columnIndexes;
  private final List<String> columnNames;
  private final AtomicReferenceArray<ColumnReader> readers;
  /** Decoded forms (front-coded dictionaries) freed on close. */
  private final DecodedMemory decoded = new DecodedMemory();

  private Segment(MappedFile mapped, SegmentHeader header, TableOfContents toc, SegmentInfo info, Region[] regions) {
    this.mapped = mapped;
    this.header = header;
    this.toc = toc;
    this.info = info;
    this.regions = regions;
    Map<String, Integer> indexes = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < toc.columns().size(); i++) {
      indexes.put(toc.columns().get(i).name(), i);
      names.add(toc.columns().get(i).name());
    }
    this.columnIndexes = indexes;
    this.columnNames = Collections.unmodifiableList(names);
    this.readers = new AtomicReferenceArray<>(names.size());
  }

  /** Opens {@code path}, verifying region checksums on first use. */
  public static Segment open(Path path) throws IOException {
    return open(path, RegionVerification.ON_FIRST_USE);
  }

  /**
   * Opens {@code path}.
   *
   * @throws SegmentCorruptException when the file is not a valid segment
   * @throws IOException when it cannot be read
   */
  public static Segment open(Path path, RegionVerification verification) throws IOException {
    MappedFile mapped = MappedFile.open(path);
    try {
      Segment segment = read(path, mapped);
      if (verification == RegionVerification.AT_OPEN) {
        segment.verifyAll();
      }
      return segment;
    } catch (RuntimeException e) {
      mapped.close();
      throw e;
    }
  }

  private static Segment read(Path path, MappedFile mapped) {
    MemorySegment file = mapped.segment();
    SegmentHeader header = SegmentHeader.read(path, file);
    MemorySegment tocBytes = file.asSlice(header.tocOffset(), header.tocLengthBytes());
    int tocCrc = Crc32c.of(tocBytes, 0, tocBytes.byteSize());
    if (tocCrc != header.tocCrc32c()) {
      throw SegmentCorruptException.checksum(path, SegmentFileLayout.TOC_REGION, header.tocCrc32c(), tocCrc);
    }
    TableOfContents toc = TableOfContents.decode(path, tocBytes, header.tocOffset(), file.byteSize());
    Region[] regions = new Region[toc.regionCount()];
    for (int i = 0; i < regions.length; i++) {
      RegionEntry entry = toc.region(i);
      regions[i] = new Region(path, toc.regionName(entry), entry.crc32c(), file.asSlice(entry.offset(), entry.lengthBytes()));
    }
    Region infoRegion = regions[toc.indexOf(TableOfContentsLayout.SEGMENT_COLUMN, RegionKind.INFO)];
    SegmentInfo info = SegmentInfoJson.decode(path, infoRegion.name(), infoRegion.verified());
    if (info.intervalStartMs() != header.intervalStartMs() || info.intervalEndMs() != header.intervalEndMs()) {
      throw infoRegion.corrupt("interval [" + info.intervalStartMs() + ", " + info.intervalEndMs()
          + ") differs from the header's [" + header.intervalStartMs() + ", " + header.intervalEndMs() + ")");
    }
    return new Segment(mapped, header, toc, info, regions);
  }

  /** Checks every region's checksum now (those not yet checked). */
  public void verifyAll() {
    for (Region region : regions) {
      region.verify();
    }
  }

  public Path path() {
    return mapped.path();
  }

  public SegmentInfo info() {
    return info;
  }

  public int rowCount() {
    return header.rowCount();
  }

  /** The file's format version, in [{@link SegmentFileLayout#OLDEST_READABLE_VERSION}, {@link SegmentFileLayout#FORMAT_VERSION}]. */
  public int formatVersion() {
    return header.formatVersion();
  }

  /** Rows per column block (the same for every column). */
  public int rowsPerBlock() {
    return header.rowsPerBlock();
  }

  /** Bytes of the whole file. */
  public long sizeBytes() {
    return mapped.sizeBytes();
  }

  /** Column names in file order: {@code __time} first, then dimensions and metrics as written. */
  public List<String> columnNames() {
    return columnNames;
  }

  public boolean hasColumn(String name) {
    return columnIndexes.containsKey(name);
  }

  /** The column's schema entry. */
  public ColumnDescriptor descriptor(String name) {
    return toc.columns().get(index(name));
  }

  public ColumnType columnType(String name) {
    return descriptor(name).type();
  }

  public ColumnRole role(String name) {
    return descriptor(name).role();
  }

  /** Bytes of the column's regions in the file. */
  public long columnSizeBytes(String name) {
    return toc.columnSizeBytes(index(name));
  }

  /** Bytes of column {@code name}'s region of {@code kind}; 0 when the column has no such region. */
  public long regionSizeBytes(String name, RegionKind kind) {
    Region region = region(index(name), kind);
    return region == null ? 0 : region.sizeBytes();
  }

  /** The reader of column {@code name}, opened (and cached) on first use. */
  public ColumnReader column(String name) {
    int index = index(name);
    ColumnReader reader = readers.get(index);
    if (reader == null) {
      reader = ColumnOpener.open(this, index);
      if (!readers.compareAndSet(index, null, reader)) {
        reader = readers.get(index);
      }
    }
    return reader;
  }

  public TimeColumnReader time() {
    return (TimeColumnReader) column(ColumnarSegment.TIME_COLUMN);
  }

  public LongColumnReader longColumn(String name) {
    return typed(name, ColumnType.LONG, LongColumnReader.class);
  }

  public FloatColumnReader floatColumn(String name) {
    return typed(name, ColumnType.FLOAT, FloatColumnReader.class);
  }

  public DoubleColumnReader doubleColumn(String name) {
    return typed(name, ColumnType.DOUBLE, DoubleColumnReader.class);
  }

  public StringColumnReader stringColumn(String name) {
    return typed(name, ColumnType.STRING, StringColumnReader.class);
  }

  public ComplexColumnReader complexColumn(String name) {
    return typed(name, ColumnType.COMPLEX, ComplexColumnReader.class);
  }

  private <T extends ColumnReader> T typed(String name, ColumnType type, Class<T> readerType) {
    ColumnReader reader = column(name);
    if (!readerType.isInstance(reader)) {
      throw new IllegalArgumentException("segment=" + info.segmentId() + " column=" + name + " is "
          + (reader instanceof TimeColumnReader ? "the time column" : "of type=" + reader.type())
          + ", not " + type);
    }
    return readerType.cast(reader);
  }

  private int index(String name) {
    Integer index = columnIndexes.get(name);
    if (index == null) {
      throw new IllegalArgumentException("segment=" + info.segmentId() + ": no column=" + name + " (columns: "
          + columnNames + ")");
    }
    return index;
  }

  /** The region of {@code kind} of column {@code column}, or null when the column has none. */
  Region region(int column, RegionKind kind) {
    int index = toc.indexOf(column, kind);
    return index < 0 ? null : regions[index];
  }

  DecodedMemory decodedMemory() {
    return decoded;
  }

  TableOfContents toc() {
    return toc;
  }

  @Override
  public void close() {
    decoded.close();
    mapped.close();
  }

  @Override
  public String toString() {
    return "Segment[" + info.segmentId() + ", " + mapped.path() + ", " + header.rowCount() + " rows]";
  }
}
