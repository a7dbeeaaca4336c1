package io.nemeton.segment.format;

import io.nemeton.bitmap.BitmapIndex;
import io.nemeton.bitmap.BitmapIndexFormat;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.lang.foreign.MemorySegment;
import java.nio.BufferUnderflowException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.roaringbitmap.InvalidRoaringFormat;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Reads a dictionary-encoded string column: the sorted dictionary, dictionary ids block by block
 * (for multi-value columns, per-row starts plus ids), per-block id ranges, and one bitmap per id.
 * The ids and bitmaps regions are verified the first time they are used, so a query that only
 * filters through bitmaps never reads the ids.
 *
 * <p>Immutable and thread-safe; valid while the segment is open. Block reads fill the caller's
 * arrays and allocate nothing; {@link #bitmap} returns a view over the mapping.
 */
public final class StringColumnReader implements ColumnReader {
  private final ColumnDescriptor descriptor;
  private final StringDictionary dictionary;
  private final BlockColumnParts column;
  /** The column's directory and ids region, kept apart for the block decoders below. */
  private final BlockDirectory blocks;
  private final Region ids;
  private final Region bitmaps;
  private final int maxBlockValueCount;
  /** The bitmaps layout the file's format version prescribes. */
  private final BitmapIndexFormat bitmapFormat;
  private volatile BitmapIndex index;

  private StringColumnReader(ColumnDescriptor descriptor, StringDictionary dictionary, BlockColumnParts column,
      Region bitmaps, int maxBlockValueCount, BitmapIndexFormat bitmapFormat) {
    this.descriptor = descriptor;
    this.dictionary = dictionary;
    this.column = column;
    this.blocks = column.blocks;
    this.ids = column.data;
    this.bitmaps = bitmaps;
    this.maxBlockValueCount = maxBlockValueCount;
    this.bitmapFormat = bitmapFormat;
  }

  static StringColumnReader open(ColumnDescriptor descriptor, Region dictionaryRegion, Region blocksRegion,
      Region ids, Region bitmaps, int rowCount, int rowsPerBlock, long sizeBytes, int formatVersion,
      DecodedMemory decodedMemory) {
    StringDictionary dictionary = StringDictionary.open(dictionaryRegion, decodedMemory, formatVersion);
    BlockColumnParts column = BlockColumnParts.open(blocksRegion, ids, rowCount, rowsPerBlock,
        BlockDirectoryLayout.STRING_ENTRY_BYTES, sizeBytes);
    BlockDirectory blocks = column.blocks;
    int maxValues = 0;
    for (int b = 0; b < blocks.blockCount(); b++) {
      long offset = blocks.offset(b);
      long idsOffset = blocks.longField(b, BlockDirectoryLayout.STRING_IDS_OFFSET);
      long next = column.blockEndLimit(b);
      int minId = blocks.intField(b, BlockDirectoryLayout.STRING_MIN_ID);
      int maxId = blocks.intField(b, BlockDirectoryLayout.STRING_MAX_ID);
      int values = blocks.intField(b, BlockDirectoryLayout.STRING_VALUE_COUNT);
      boolean offsetsValid = descriptor.multiValue() ? idsOffset > offset && idsOffset < next : idsOffset == offset;
      boolean countValid = descriptor.multiValue()
          ? values >= 0 && values <= BlockDirectoryLayout.MAX_BLOCK_VALUES
          : values == blocks.blockRowCount(b);
      boolean rangeValid = values == 0
          ? minId == 0 && maxId == -1
          : minId >= 0 && minId <= maxId && maxId < dictionary.cardinality();
      if (!offsetsValid || !countValid || !rangeValid) {
        throw blocksRegion.corrupt("block=" + b + " offset=" + offset + " idsOffset=" + idsOffset + " valueCount="
            + values + " minId=" + minId + " maxId=" + maxId + " invalid for cardinality=" + dictionary.cardinality());
      }
      maxValues = Math.max(maxValues, values);
    }
    BitmapIndexFormat bitmapFormat = SegmentFileLayout.bitmapFormat(formatVersion);
    return new StringColumnReader(descriptor, dictionary, column, bitmaps, maxValues, bitmapFormat);
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  @Override
  public ColumnRole role() {
    return descriptor.role();
  }

  @Override
  public int rowCount() {
    return column.rowCount();
  }

  @Override
  public int blockCount() {
    return column.blockCount();
  }

  @Override
  public long sizeBytes() {
    return column.sizeBytes();
  }

  public int rowsPerBlock() {
    return column.rowsPerBlock();
  }

  public int blockStartRow(int block) {
    return column.blockStartRow(block);
  }

  public int blockRowCount(int block) {
    return column.blockRowCount(block);
  }

  /** Distinct values, null included when present. */
  public int cardinality() {
    return dictionary.cardinality();
  }

  /** Whether the dictionary is stored front-coded (decoded into the flat form on first use). */
  boolean dictionaryFrontCoded() {
    return dictionary.frontCoded();
  }

  /** Whether id 0 is null. */
  public boolean hasNullValue() {
    return dictionary.hasNull();
  }

  /** The value of dictionary id {@code id} (null for the null id); allocates the String. */
  public String value(int id) {
    return dictionary.value(id);
  }

  /**
   * The UTF-8 bytes of dictionary id {@code id}'s value (null for the null id): a read-only view,
   * no copy, valid while the segment is open. Lets callers compare values of several segments
   * without decoding them.
   */
  public MemorySegment valueBytes(int id) {
    return dictionary.valueBytes(id);
  }

  /**
   * Every dictionary value's UTF-8 bytes back to back in id order (the null id's entry is empty):
   * a read-only view, no copy, valid while the segment is open (of the mapping, or of the flat form a
   * front-coded dictionary is decoded into once, on the first use of any dictionary method). With {@link
   * #dictionaryValueOffsets} it lets a caller walk and compare values without a slice per value.
   */
  public MemorySegment dictionaryValueBytes() {
    return dictionary.valueBytesAll();
  }

  /**
   * {@code cardinality() + 1} little-endian u32 offsets into {@link #dictionaryValueBytes}: value
   * {@code id} spans {@code [offset[id], offset[id + 1])}; ascending from 0 (checked when opened).
   */
  public MemorySegment dictionaryValueOffsets() {
    return dictionary.valueOffsets();
  }

  /** The id of {@code value} (null allowed), or {@code -(insertion point) - 1} when absent. */
  public int lookupId(String value) {
    return dictionary.lookupId(value);
  }

  /** The dictionary as a sorted list view; each {@code get} decodes (and allocates) one value. */
  public List<String> sortedValues() {
    return new SortedValues();
  }

  public boolean hasMultipleValues() {
    return descriptor.multiValue();
  }

  /** Smallest id in the block; 0 when the block holds no value (then max is -1). */
  public int blockMinId(int block) {
    return column.intField(block, BlockDirectoryLayout.STRING_MIN_ID);
  }

  public int blockMaxId(int block) {
    return column.intField(block, BlockDirectoryLayout.STRING_MAX_ID);
  }

  /** Ids stored in the block: its row count for a single-value column. */
  public int blockValueCount(int block) {
    return column.intField(block, BlockDirectoryLayout.STRING_VALUE_COUNT);
  }

  /** The largest {@link #blockValueCount} over all blocks, to size an ids batch once. */
  public int maxBlockValueCount() {
    return maxBlockValueCount;
  }

  /** Decodes a single-value block's ids into {@code destination[0, rows)}; returns rows. */
  public int readIdsBlock(int block, int[] destination) {
    if (descriptor.multiValue()) {
      throw new IllegalStateException(ids.name() + ": column is multi-value; use readMultiValueBlock");
    }
    int rows = column.blockRowCount(block);
    checkLength("destination", destination.length, rows, block);
    BlockDecoder.ints(ids, ids.verified(), block, blocks.offset(block), rows, destination);
    return rows;
  }

  /**
   * Decodes a block as row starts and ids: row {@code i} of the block holds {@code
   * ids[rowStarts[i], rowStarts[i+1])} in its original value order. {@code rowStarts} needs rows + 1
   * entries and {@code ids} {@link #blockValueCount} entries. Works for single-value columns too.
   * Returns rows.
   */
  public int readMultiValueBlock(int block, int[] rowStarts, int[] idsDestination) {
    int rows = column.blockRowCount(block);
    int values = blocks.intField(block, BlockDirectoryLayout.STRING_VALUE_COUNT);
    checkLength("rowStarts", rowStarts.length, rows + 1, block);
    checkLength("ids", idsDestination.length, values, block);
    MemorySegment data = ids.verified();
    if (!descriptor.multiValue()) {
      BlockDecoder.ints(ids, data, block, blocks.offset(block), rows, idsDestination);
      for (int i = 0; i <= rows; i++) {
        rowStarts[i] = i;
      }
      return rows;
    }
    BlockDecoder.ints(ids, data, block, blocks.offset(block), rows, rowStarts);
    long sum = 0;
    int negative = 0;
    for (int i = 0; i < rows; i++) {
      final int length = rowStarts[i];
      rowStarts[i] = (int) sum;
      sum += length;
      negative |= length;
    }
    if (negative < 0 || sum != values) {
      throw ids.corrupt("block=" + block + ": row lengths sum to " + sum + " expected valueCount=" + values);
    }
    rowStarts[rows] = values;
    BlockDecoder.ints(ids, data, block, blocks.longField(block, BlockDirectoryLayout.STRING_IDS_OFFSET), values,
        idsDestination);
    return rows;
  }

  /**
   * Rows holding dictionary id {@code id}: for a common value a view of the mapping (no copy), for
   * a rare value stored as a compact list a small heap bitmap decoded on each call, for a chunk list
   * or id scan (format 4) a heap bitmap of the rows whose ids match (see {@link BitmapIndex}).
   */
  public ImmutableRoaringBitmap bitmap(int id) {
    if (id < 0 || id >= dictionary.cardinality()) {
      throw new IndexOutOfBoundsException(bitmaps.name() + ": id=" + id + " outside [0, " + dictionary.cardinality()
          + ")");
    }
    BitmapIndex current = bitmapIndex();
    try {
      return current.bitmap(id);
    } catch (IndexOutOfBoundsException | IllegalArgumentException | BufferUnderflowException | InvalidRoaringFormat e) {
      throw new SegmentCorruptException(bitmaps.file(), bitmaps.name(), "id=" + id + ": " + e, e);
    }
  }

  /**
   * The rows holding any of {@code ids[0, count)} ({@link BitmapIndex#union}: many list rows are
   * decoded straight into one word bitmap); read-only, a view of the mapping or a heap bitmap.
   */
  public ImmutableRoaringBitmap union(int[] ids, int count) {
    BitmapIndex current = bitmapIndex();
    try {
      return current.union(ids, count, column.rowCount());
    } catch (IndexOutOfBoundsException | IllegalArgumentException | BufferUnderflowException | InvalidRoaringFormat e) {
      throw new SegmentCorruptException(bitmaps.file(), bitmaps.name(), "union of " + count + " ids: " + e, e);
    }
  }

  /** The whole inverted index, for filters that combine many ids. */
  public BitmapIndex bitmapIndex() {
    BitmapIndex current = index;
    if (current == null) {
      try {
        // a single-value column's ids refine NBI4's chunk lists and id scans; a multi-value index holds none
        current = BitmapIndex.wrap(bitmaps.verified(), descriptor.multiValue() ? null
            : new StringIdMatcher(ids, blocks, column.rowCount(), column.rowsPerBlock()));
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new SegmentCorruptException(bitmaps.file(), bitmaps.name(), "cannot open: " + e, e);
      }
      if (current.format() != bitmapFormat) {
        throw bitmaps.corrupt("layout=" + current.format() + " expected=" + bitmapFormat + " for this format version");
      }
      if (current.cardinality() != dictionary.cardinality()) {
        throw bitmaps.corrupt("cardinality=" + current.cardinality() + " expected=" + dictionary.cardinality());
      }
      index = current;
    }
    return current;
  }

  private void checkLength(String what, int length, int needed, int block) {
    if (length < needed) {
      throw new IllegalArgumentException(ids.name() + " block=" + block + ": " + what + " length=" + length
          + " < needed=" + needed);
    }
  }

  private final class SortedValues extends AbstractList<String> implements RandomAccess {
    @Override
    public String get(int index) {
      return dictionary.value(index);
    }

    @Override
    public int size() {
      return dictionary.cardinality();
    }
  }
}
