package io.nemeton.engine.storage;

/**
 * A per-thread reader of one string column's dictionary ids, a block at a time. Single-value
 * columns read with {@link #ids}; every column, single- or multi-value, reads with {@link
 * #rowStarts} and {@link #values}: row position {@code p} of the block holds {@code
 * values[rowStarts[p], rowStarts[p + 1])}. A multi-value row with no values holds the null id.
 *
 * <p>Not thread-safe. Arrays are the reader's scratch, valid until it reads another block.
 */
public abstract class StringBlocks {

  public abstract boolean multiValue();

  /** The id of each row of a single-value column's block. */
  public abstract int[] ids(int block);

  /** Start of each row's ids in {@link #values}, plus the end: rows + 1 entries. */
  public abstract int[] rowStarts(int block);

  /** The ids of the block's rows, in row order; see {@link #rowStarts}. */
  public abstract int[] values(int block);
}
