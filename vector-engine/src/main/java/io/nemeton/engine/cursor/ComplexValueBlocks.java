package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.ComplexBlocks;
import java.lang.foreign.ValueLayout;

/** A complex column's values as heap copies of their serialized bytes. Not thread-safe. */
final class ComplexValueBlocks extends ValueBlocks {
  private final ComplexBlocks blocks;
  private int loaded = -1;

  ComplexValueBlocks(ComplexBlocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public Object value(int block, int position) {
    if (loaded != block) {
      blocks.read(block);
      loaded = block;
    }
    return blocks.value(position).toArray(ValueLayout.JAVA_BYTE);
  }
}
