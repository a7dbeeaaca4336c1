package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.NumericBlocks;

/** Boxes a numeric column's values in its stored type. Not thread-safe. */
final class NumericValueBlocks extends ValueBlocks {
  private final NumericBlocks numbers;

  NumericValueBlocks(NumericBlocks numbers) {
    this.numbers = numbers;
  }

  @Override
  public Object value(int block, int position) {
    final boolean[] nulls = numbers.nulls(block);
    if (nulls != null && nulls[position]) {
      return null;
    }
    return switch (numbers.storedKind()) {
      case LONG -> numbers.longs(block)[position];
      case FLOAT -> numbers.floats(block)[position];
      case DOUBLE -> numbers.doubles(block)[position];
    };
  }
}
