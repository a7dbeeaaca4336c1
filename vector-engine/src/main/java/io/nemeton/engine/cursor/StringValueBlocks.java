package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.StringBlocks;
import io.nemeton.engine.storage.StringColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A string column's values: a String (or null) for a single value, a {@code List<String>} for a
 * row of several values. Decoded dictionary values are cached per id. Not thread-safe.
 */
final class StringValueBlocks extends ValueBlocks {
  private final StringColumn column;
  private final StringBlocks blocks;
  private final String[] decoded;
  private final boolean[] isDecoded;

  StringValueBlocks(StringColumn column) {
    this.column = column;
    this.blocks = column.newBlocks();
    final int cardinality = column.cardinality();
    this.decoded = new String[cardinality];
    this.isDecoded = new boolean[cardinality];
  }

  String valueOf(int id) {
    if (!isDecoded[id]) {
      decoded[id] = column.value(id);
      isDecoded[id] = true;
    }
    return decoded[id];
  }

  @Override
  public Object value(int block, int position) {
    if (!column.multiValue()) {
      return valueOf(blocks.ids(block)[position]);
    }
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    final int start = starts[position];
    final int end = starts[position + 1];
    if (end - start == 1) {
      return valueOf(values[start]);
    }
    if (end == start) {
      return null;
    }
    final List<String> list = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      list.add(valueOf(values[i]));
    }
    return list;
  }
}
