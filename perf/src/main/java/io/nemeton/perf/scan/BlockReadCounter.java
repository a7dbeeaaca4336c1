package io.nemeton.perf.scan;

/**
 * Counts the column blocks a query reads through {@link CountingQueryableSegment}: numeric and
 * time blocks decoded, string id blocks decoded, complex-column readers opened. A query answered
 * without a row scan reads none. Binary searches on {@code __time} ({@code lowerBoundRow}) and
 * bitmap indexes are not counted: they find rows, they do not scan them.
 *
 * <p>Not thread-safe: one query on one thread at a time (the benchmark's engine has one thread).
 */
public final class BlockReadCounter {
  private long numericBlocks;
  private long stringBlocks;
  private long complexReaders;

  void numericBlock() {
    numericBlocks++;
  }

  void stringBlock() {
    stringBlocks++;
  }

  void complexReader() {
    complexReaders++;
  }

  public long numericBlocks() {
    return numericBlocks;
  }

  public long stringBlocks() {
    return stringBlocks;
  }

  public long complexReaders() {
    return complexReaders;
  }

  /** Every block read, of any kind. */
  public long total() {
    return numericBlocks + stringBlocks + complexReaders;
  }

  /** Adds {@code other}'s counts to these. */
  public void add(BlockReadCounter other) {
    numericBlocks += other.numericBlocks;
    stringBlocks += other.stringBlocks;
    complexReaders += other.complexReaders;
  }

  public void reset() {
    numericBlocks = 0;
    stringBlocks = 0;
    complexReaders = 0;
  }

  @Override
  public String toString() {
    return "numeric=" + numericBlocks + " string=" + stringBlocks + " complex=" + complexReaders;
  }
}
