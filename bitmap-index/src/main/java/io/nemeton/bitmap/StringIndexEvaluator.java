package io.nemeton.bitmap;

import java.util.Collection;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Evaluates value predicates of one dictionary-encoded string column of one segment to row
 * bitmaps, from the column's sorted dictionary and its inverted index: equality, set membership
 * ({@code in}), lexicographic ranges and null tests. The building block a filter planner uses
 * before falling back to scanning ids.
 *
 * <p>Ranges and {@code in} never match null unless null is asked for by value ({@code in} with a
 * null element, or {@link #isNull()}), following SQL-compatible null handling.
 *
 * <p>Thread-safe if the dictionary is. Allocates per call (the result and the list of bitmaps to
 * union), never per row. Results follow {@link Bitmaps}: possibly a view of the index, valid while
 * the segment is open.
 */
public final class StringIndexEvaluator {
  private final BitmapIndex index;
  private final SortedDictionary dictionary;
  private final int rowCount;

  /**
   * @throws IllegalArgumentException when the index and the dictionary disagree on the cardinality
   *     or rowCount is negative
   */
  public StringIndexEvaluator(BitmapIndex index, SortedDictionary dictionary, int rowCount) {
    if (index.cardinality() != dictionary.cardinality()) {
      throw new IllegalArgumentException("bitmap index cardinality=" + index.cardinality()
          + " does not match dictionary cardinality=" + dictionary.cardinality());
    }
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount=" + rowCount + " is negative");
    }
    this.index = index;
    this.dictionary = dictionary;
    this.rowCount = rowCount;
  }

  /** Rows whose value equals {@code value}; {@code null} gives the null rows. */
  public ImmutableRoaringBitmap equalTo(String value) {
    final int id = DictionarySearch.find(dictionary, value);
    return id < 0 ? Bitmaps.empty() : index.bitmap(id);
  }

  /** Rows whose value is one of {@code values}; a null element matches the null rows. */
  public ImmutableRoaringBitmap in(Collection<String> values) {
    return unionOf(DictionarySearch.findAll(dictionary, values));
  }

  /**
   * Rows whose non-null value is within the bounds; a null bound is unbounded. See
   * {@link DictionarySearch#range}.
   */
  public ImmutableRoaringBitmap range(String lower, boolean lowerStrict, String upper, boolean upperStrict) {
    return unionOf(DictionarySearch.range(dictionary, lower, lowerStrict, upper, upperStrict));
  }

  /** The rows of the bitmaps of every id in {@code ids}. */
  public ImmutableRoaringBitmap unionOf(IdRange ids) {
    final int count = ids.size();
    final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[count];
    int nonEmpty = 0;
    for (int id = ids.startId(); id < ids.endId(); id++) {
      if (!index.isEmpty(id)) {
        bitmaps[nonEmpty++] = index.bitmap(id);
      }
    }
    return Bitmaps.union(bitmaps, nonEmpty, rowCount);
  }

  /** The rows of the bitmaps of the given ids (each in {@code [0, cardinality)}). */
  public ImmutableRoaringBitmap unionOf(int[] ids) {
    final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[ids.length];
    int nonEmpty = 0;
    for (int id : ids) {
      if (!index.isEmpty(id)) {
        bitmaps[nonEmpty++] = index.bitmap(id);
      }
    }
    return Bitmaps.union(bitmaps, nonEmpty, rowCount);
  }

  /** Rows whose value is null (id 0 when the dictionary holds null). */
  public ImmutableRoaringBitmap isNull() {
    return DictionarySearch.firstNonNullId(dictionary) == 1 ? index.bitmap(0) : Bitmaps.empty();
  }

  /** Rows whose value is not null. */
  public ImmutableRoaringBitmap notNull() {
    return Bitmaps.complement(isNull(), rowCount);
  }

  public int rowCount() {
    return rowCount;
  }
}
