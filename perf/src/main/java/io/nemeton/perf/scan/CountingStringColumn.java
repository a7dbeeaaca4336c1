package io.nemeton.perf.scan;

import io.nemeton.engine.storage.StringBlocks;
import io.nemeton.engine.storage.StringColumn;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A string column that answers like the one it wraps and hands out id readers that count the
 * blocks they decode. Thread-safe as the wrapped column; the counter is not.
 */
final class CountingStringColumn implements StringColumn {
  private final StringColumn column;
  private final BlockReadCounter counter;

  CountingStringColumn(StringColumn column, BlockReadCounter counter) {
    this.column = column;
    this.counter = counter;
  }

  @Override
  public int cardinality() {
    return column.cardinality();
  }

  @Override
  public String value(int id) {
    return column.value(id);
  }

  @Override
  public String name() {
    return column.name();
  }

  @Override
  public boolean multiValue() {
    return column.multiValue();
  }

  @Override
  public boolean hasNullValue() {
    return column.hasNullValue();
  }

  @Override
  public java.lang.foreign.MemorySegment valueBytes(int id) {
    return column.valueBytes(id);
  }

  @Override
  public io.nemeton.engine.storage.DictionaryBytes dictionaryBytes() {
    return column.dictionaryBytes();
  }

  @Override
  public int lookupId(String value) {
    return column.lookupId(value);
  }

  @Override
  public ImmutableRoaringBitmap bitmap(int id) {
    return column.bitmap(id);
  }

  @Override
  public ImmutableRoaringBitmap union(int[] ids, int count, int rowCount) {
    return column.union(ids, count, rowCount);
  }

  @Override
  public boolean isEmpty(int id) {
    return column.isEmpty(id);
  }

  @Override
  public StringBlocks newBlocks() {
    return new CountingStringBlocks(column.newBlocks(), counter);
  }
}
