package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.storage.QueryableSegment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Keeps rows in a bitmap: how an index-answered branch takes part in an {@code or} whose other
 * branches need row tests. Not thread-safe; one bitmap probe per row.
 */
final class BitmapMatcher implements RowMatcher {
  private final ImmutableRoaringBitmap rows;

  BitmapMatcher(ImmutableRoaringBitmap rows) {
    this.rows = rows;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    final int blockStart = block * QueryableSegment.ROWS_PER_BLOCK;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      if (rows.contains(blockStart + position)) {
        out[kept++] = position;
      }
    }
    return kept;
  }
}
