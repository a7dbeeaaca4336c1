package io.nemeton.engine.filter;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.engine.cursor.RowMatcher;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A filter planned for one segment: the rows the indexes answered ({@code rows}, null for every
 * row) and the residual test of the rest ({@code matcher}, null for none). A row passes when it is
 * in {@code rows} and the matcher keeps it. Not thread-safe (the matcher holds readers).
 *
 * @param rows read-only, valid while the segment is open
 */
public record FilterPlan(ImmutableRoaringBitmap rows, RowMatcher matcher) {

  /** Every row. */
  public static final FilterPlan ALL = new FilterPlan(null, null);

  /** No row. */
  public static FilterPlan none() {
    return new FilterPlan(Bitmaps.empty(), null);
  }

  /** Whether no row can pass. */
  public boolean matchesNothing() {
    return rows != null && rows.isEmpty();
  }

  /** Whether every row passes. */
  public boolean matchesAll() {
    return rows == null && matcher == null;
  }
}
