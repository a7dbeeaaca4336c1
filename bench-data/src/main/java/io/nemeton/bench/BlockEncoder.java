package io.nemeton.bench;

/**
 * Turns one block of generated rows into text. A block's content depends only on the data set's
 * seed and the block's number and position, never on which thread encodes it or what was encoded
 * before, which is what lets {@link BlockParallelWriter} produce the same bytes with any thread
 * count.
 *
 * <p>An instance keeps per-block scratch and is used by one thread at a time; the writer creates
 * one per slot of its pipeline.
 */
public interface BlockEncoder {
  /** Bytes written once before the first row, e.g. a CSV header line; empty for none. */
  byte[] header();

  /**
   * Appends rows {@code [firstRow, firstRow + rowCount)}, which form block {@code block}, to {@code
   * out}, each row ending with a line feed.
   */
  void encode(long block, long firstRow, int rowCount, TextBuffer out);
}
