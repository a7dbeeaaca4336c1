package io.nemeton.perf.scan;

import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;

/**
 * A numeric column reader that reads through another one and counts each block it decodes (each
 * type of read of a block counts once; the base class caches repeated asks). Not thread-safe, as
 * every reader; allocates nothing past the base class's scratch.
 */
final class CountingNumericBlocks extends NumericBlocks {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final NumericBlocks blocks;
  private final BlockReadCounter counter;

  CountingNumericBlocks(NumericBlocks blocks, BlockReadCounter counter) {
    super(blocks.storedKind());
    this.blocks = blocks;
    this.counter = counter;
  }

  @Override
  public boolean mayHaveNulls() {
    return blocks.mayHaveNulls();
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    counter.numericBlock();
    System.arraycopy(blocks.longs(block), 0, destination, 0, ROWS);
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    counter.numericBlock();
    System.arraycopy(blocks.doubles(block), 0, destination, 0, ROWS);
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    counter.numericBlock();
    System.arraycopy(blocks.floats(block), 0, destination, 0, ROWS);
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    final boolean[] nulls = blocks.nulls(block);
    if (nulls == null) {
      return false;
    }
    System.arraycopy(nulls, 0, destination, 0, ROWS);
    return true;
  }
}
