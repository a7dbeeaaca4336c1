package io.nemeton.bitmap;

import io.nemeton.bitmap.internal.CompactIndexEncoder;
import io.nemeton.bitmap.internal.RowsByValue;

/**
 * Working memory for {@link BitmapIndexWriter#writeSingleValued(int[], int, int, BitmapIndexFormat,
 * io.nemeton.memory.GrowableBytes, BitmapIndexScratch)}, kept by a caller that writes many indexes (a segment writer,
 * column after column and segment after segment): the rows grouped by id, the list stream, the group
 * tables and the Roaring encoder's per-container arrays. Each grows to the largest index written so
 * far and is then reused, so writing an index allocates nothing once the scratch has grown.
 *
 * <p>Not thread-safe: one scratch per writing thread. Holds no result between calls.
 */
public final class BitmapIndexScratch {
  final RowsByValue grouping = new RowsByValue();
  final CompactIndexEncoder encoder = new CompactIndexEncoder();

  public BitmapIndexScratch() {}
}
