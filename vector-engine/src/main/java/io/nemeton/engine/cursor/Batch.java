package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.QueryableSegment;

/**
 * One batch of rows of a segment, always inside one block: either the dense run of positions
 * {@code [from, to)} of block {@link #block()}, or the ascending positions {@code selection[0,
 * size)} (a selection vector). A position is a row's index in the block's arrays: {@code row =
 * block * ROWS_PER_BLOCK + position}. GroupBy hands aggregators batches whose positions repeat (a
 * multi-value row once per value), so positions are non-decreasing rather than strictly
 * ascending there; aggregators accept both.
 *
 * <p>Not thread-safe; owned by one scan and refilled by each {@link SegmentCursor#next} call. The
 * selection array is allocated once, or lent by the scan that owns the batch.
 */
public final class Batch {
  int block;
  int from;
  int to;
  boolean dense;
  int size;
  final int[] selection;

  public Batch() {
    this(new int[QueryableSegment.ROWS_PER_BLOCK]);
  }

  /**
   * A batch over {@code selection} (at least {@link QueryableSegment#ROWS_PER_BLOCK} entries; its
   * content does not matter), e.g. scratch lent by {@link io.nemeton.engine.storage.ScanScratch}.
   */
  public Batch(int[] selection) {
    if (selection.length < QueryableSegment.ROWS_PER_BLOCK) {
      throw new IllegalArgumentException("batch selection length=" + selection.length + " minimum="
          + QueryableSegment.ROWS_PER_BLOCK);
    }
    this.selection = selection;
  }

  public int block() {
    return block;
  }

  /** The row of position 0 of this batch's block. */
  public int blockStartRow() {
    return block * QueryableSegment.ROWS_PER_BLOCK;
  }

  /** Whether every position of {@code [from, to)} is selected (then {@link #selection} is unused). */
  public boolean dense() {
    return dense;
  }

  /** First position of a dense batch. */
  public int from() {
    return from;
  }

  /** End (exclusive) of a dense batch. */
  public int to() {
    return to;
  }

  /** Rows selected. */
  public int size() {
    return size;
  }

  /** Selected positions of a sparse batch, ascending, {@link #size()} of them. */
  public int[] selection() {
    return selection;
  }

  /** The {@code index}-th selected position, whichever form the batch has (not for hot loops). */
  public int position(int index) {
    return dense ? from + index : selection[index];
  }

  /** Makes the batch sparse, writing its dense positions into the selection. */
  public void materialize() {
    if (dense) {
      final int[] positions = selection;
      final int start = from;
      final int count = to - from;
      for (int i = 0; i < count; i++) {
        positions[i] = start + i;
      }
      dense = false;
    }
  }

  /** Sets this batch to the dense positions {@code [from, to)} of {@code block}. */
  public void setDense(int block, int from, int to) {
    this.block = block;
    this.from = from;
    this.to = to;
    this.size = to - from;
    this.dense = true;
  }

  /** Sets this batch to the first {@code size} entries of its selection array for {@code block}. */
  public void setSparse(int block, int size) {
    this.block = block;
    this.size = size;
    this.dense = false;
  }
}
