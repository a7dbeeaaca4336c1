package io.nemeton.engine.storage;

/**
 * The smallest and largest non-null value of each block of a numeric column, known without
 * decoding the block (a mapped column's block directory keeps them). Filters use them to skip
 * blocks no row of which can match, or to keep whole blocks every row of which matches. Only
 * meaningful for blocks without null rows (a block of nulls reports 0 and 0).
 *
 * <p>Implemented by numeric readers that have the bounds; thread-safety as the reader's.
 */
public interface BlockBounds {

  /** Smallest value of a long column's block. */
  long blockMinLong(int block);

  /** Largest value of a long column's block. */
  long blockMaxLong(int block);

  /** Smallest value of a double or float column's block, in {@link Double#compare} order. */
  double blockMinDouble(int block);

  /** Largest value of a double or float column's block; NaN when the block holds one. */
  double blockMaxDouble(int block);
}
