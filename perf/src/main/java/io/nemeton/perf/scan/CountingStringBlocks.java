package io.nemeton.perf.scan;

import io.nemeton.engine.storage.StringBlocks;

/**
 * An id reader that reads through another one and counts each block asked for (asking again for
 * the block just read is not counted, as it costs the reader nothing). Not thread-safe.
 */
final class CountingStringBlocks extends StringBlocks {
  private final StringBlocks blocks;
  private final BlockReadCounter counter;
  private int lastBlock = -1;

  CountingStringBlocks(StringBlocks blocks, BlockReadCounter counter) {
    this.blocks = blocks;
    this.counter = counter;
  }

  private void count(int block) {
    if (block != lastBlock) {
      counter.stringBlock();
      lastBlock = block;
    }
  }

  @Override
  public boolean multiValue() {
    return blocks.multiValue();
  }

  @Override
  public int[] ids(int block) {
    count(block);
    return blocks.ids(block);
  }

  @Override
  public int[] rowStarts(int block) {
    count(block);
    return blocks.rowStarts(block);
  }

  @Override
  public int[] values(int block) {
    count(block);
    return blocks.values(block);
  }
}
