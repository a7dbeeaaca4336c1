package io.nemeton.engine.cursor;

/** A column the segment does not have: every value is null. Stateless and shared. */
final class NullValueBlocks extends ValueBlocks {
  static final NullValueBlocks INSTANCE = new NullValueBlocks();

  private NullValueBlocks() {
  }

  @Override
  public Object value(int block, int position) {
    return null;
  }
}
