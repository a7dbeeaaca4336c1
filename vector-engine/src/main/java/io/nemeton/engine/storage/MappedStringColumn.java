package io.nemeton.engine.storage;

import io.nemeton.segment.format.StringColumnReader;
import java.lang.foreign.MemorySegment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** A string column of a mapped segment file. Thread-safe; dictionary values allocate on read. */
final class MappedStringColumn implements StringColumn {
  private final StringColumnReader reader;
  /** Built on first use: checking every value's bytes once is a pass over the dictionary. */
  private volatile DictionaryBytes dictionaryBytes;

  MappedStringColumn(StringColumnReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return reader.name();
  }

  @Override
  public boolean multiValue() {
    return reader.hasMultipleValues();
  }

  @Override
  public boolean hasNullValue() {
    return reader.hasNullValue();
  }

  @Override
  public int cardinality() {
    return reader.cardinality();
  }

  @Override
  public String value(int id) {
    return reader.value(id);
  }

  @Override
  public MemorySegment valueBytes(int id) {
    return reader.valueBytes(id);
  }

  @Override
  public DictionaryBytes dictionaryBytes() {
    DictionaryBytes bytes = dictionaryBytes;
    if (bytes == null) {
      bytes = DictionaryBytes.of(reader.dictionaryValueBytes(), reader.dictionaryValueOffsets(), reader.cardinality(),
          reader.hasNullValue());
      dictionaryBytes = bytes;
    }
    return bytes;
  }

  @Override
  public int lookupId(String value) {
    return reader.lookupId(value);
  }

  @Override
  public ImmutableRoaringBitmap bitmap(int id) {
    return reader.bitmap(id);
  }

  @Override
  public ImmutableRoaringBitmap union(int[] ids, int count, int rowCount) {
    return reader.union(ids, count);
  }

  @Override
  public boolean isEmpty(int id) {
    return reader.bitmapIndex().isEmpty(id);
  }

  @Override
  public StringBlocks newBlocks() {
    return new Blocks(reader);
  }

  /** Decodes ids straight from the mapping into its scratch. */
  private static final class Blocks extends StringBlocks {
    private final StringColumnReader reader;
    private final int[] ids = new int[QueryableSegment.ROWS_PER_BLOCK];
    private final int[] rowStarts = new int[QueryableSegment.ROWS_PER_BLOCK + 1];
    private final int[] values;
    private int idsBlock = -1;
    private int valuesBlock = -1;

    Blocks(StringColumnReader reader) {
      this.reader = reader;
      this.values = new int[Math.max(reader.maxBlockValueCount(), QueryableSegment.ROWS_PER_BLOCK)];
    }

    @Override
    public boolean multiValue() {
      return reader.hasMultipleValues();
    }

    @Override
    public int[] ids(int block) {
      if (idsBlock != block) {
        reader.readIdsBlock(block, ids);
        idsBlock = block;
      }
      return ids;
    }

    @Override
    public int[] rowStarts(int block) {
      load(block);
      return rowStarts;
    }

    @Override
    public int[] values(int block) {
      load(block);
      return values;
    }

    private void load(int block) {
      if (valuesBlock != block) {
        reader.readMultiValueBlock(block, rowStarts, values);
        valuesBlock = block;
      }
    }
  }
}
