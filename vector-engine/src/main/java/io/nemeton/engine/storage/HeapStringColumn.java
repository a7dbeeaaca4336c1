package io.nemeton.engine.storage;

import io.nemeton.segment.ColumnarSegment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A string column held on the heap. Its bitmap index is built on first use (one pass over the
 * ids), as Druid's in-memory index does. Thread-safe.
 */
final class HeapStringColumn implements StringColumn {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final ColumnarSegment.StringColumn column;
  private final int rowCount;
  private volatile ImmutableRoaringBitmap[] bitmaps;
  private volatile DictionaryBytes dictionaryBytes;

  HeapStringColumn(ColumnarSegment.StringColumn column, int rowCount) {
    this.column = column;
    this.rowCount = rowCount;
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
    return column.dictionary().length > 0 && column.dictionary()[0] == null;
  }

  @Override
  public int cardinality() {
    return column.dictionary().length;
  }

  @Override
  public String value(int id) {
    return column.dictionary()[id];
  }

  @Override
  public DictionaryBytes dictionaryBytes() {
    DictionaryBytes bytes = dictionaryBytes;
    if (bytes == null) {
      bytes = DictionaryBytes.encode(this);
      dictionaryBytes = bytes;
    }
    return bytes;
  }

  @Override
  public int lookupId(String value) {
    final String[] dictionary = column.dictionary();
    final boolean hasNull = hasNullValue();
    if (value == null) {
      return hasNull ? 0 : -1;
    }
    int low = hasNull ? 1 : 0;
    int high = dictionary.length - 1;
    while (low <= high) {
      final int middle = (low + high) >>> 1;
      final int comparison = dictionary[middle].compareTo(value);
      if (comparison < 0) {
        low = middle + 1;
      } else if (comparison > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  @Override
  public ImmutableRoaringBitmap bitmap(int id) {
    return bitmaps()[id];
  }

  private ImmutableRoaringBitmap[] bitmaps() {
    ImmutableRoaringBitmap[] current = bitmaps;
    if (current == null) {
      synchronized (this) {
        current = bitmaps;
        if (current == null) {
          current = build();
          bitmaps = current;
        }
      }
    }
    return current;
  }

  private ImmutableRoaringBitmap[] build() {
    final int cardinality = cardinality();
    final MutableRoaringBitmap[] built = new MutableRoaringBitmap[cardinality];
    for (int id = 0; id < cardinality; id++) {
      built[id] = new MutableRoaringBitmap();
    }
    final int[] ids = column.ids();
    final int[] rowStarts = column.rowStarts();
    for (int row = 0; row < rowCount; row++) {
      if (rowStarts == null) {
        built[ids[row]].add(row);
      } else {
        for (int i = rowStarts[row]; i < rowStarts[row + 1]; i++) {
          built[ids[i]].add(row);
        }
      }
    }
    for (MutableRoaringBitmap bitmap : built) {
      bitmap.runOptimize();
    }
    return built;
  }

  @Override
  public StringBlocks newBlocks() {
    return new Blocks(column, rowCount);
  }

  /** Copies a block's ids out of the whole-column arrays. */
  private static final class Blocks extends StringBlocks {
    private final ColumnarSegment.StringColumn column;
    private final int rowCount;
    private final int[] ids = new int[ROWS];
    private final int[] rowStarts = new int[ROWS + 1];
    private int[] values = new int[ROWS];
    private int idsBlock = -1;
    private int valuesBlock = -1;

    Blocks(ColumnarSegment.StringColumn column, int rowCount) {
      this.column = column;
      this.rowCount = rowCount;
    }

    @Override
    public boolean multiValue() {
      return column.multiValue();
    }

    private int rows(int block) {
      return Math.min(ROWS, rowCount - block * ROWS);
    }

    @Override
    public int[] ids(int block) {
      if (column.multiValue()) {
        throw new IllegalStateException("column=" + column.name() + " is multi-value; read rowStarts and values");
      }
      if (idsBlock != block) {
        System.arraycopy(column.ids(), block * ROWS, ids, 0, rows(block));
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
      if (valuesBlock == block) {
        return;
      }
      final int start = block * ROWS;
      final int rows = rows(block);
      if (!column.multiValue()) {
        System.arraycopy(column.ids(), start, values, 0, rows);
        for (int i = 0; i <= rows; i++) {
          rowStarts[i] = i;
        }
      } else {
        final int[] starts = column.rowStarts();
        final int first = starts[start];
        final int count = starts[start + rows] - first;
        if (values.length < count) {
          values = new int[count];
        }
        System.arraycopy(column.ids(), first, values, 0, count);
        for (int i = 0; i <= rows; i++) {
          rowStarts[i] = starts[start + i] - first;
        }
      }
      valuesBlock = block;
    }
  }
}
