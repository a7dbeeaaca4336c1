package io.nemeton.bitmap;

import java.util.Arrays;
import java.util.Collection;

/**
 * Binary searches over a {@link SortedDictionary}: the id of a value, the ids of a set of values,
 * the ids of a lexicographic range. Ranges never include null: comparisons never match null.
 *
 * <p>Stateless and thread-safe; O(log cardinality) dictionary reads per value searched.
 */
public final class DictionarySearch {
  private DictionarySearch() {}

  /** The first id holding a non-null value: 1 when id 0 is null, else 0. */
  public static int firstNonNullId(SortedDictionary dictionary) {
    return dictionary.cardinality() > 0 && dictionary.value(0) == null ? 1 : 0;
  }

  /**
   * The id of {@code value} ({@code null} finds id 0 when the column has nulls), or
   * {@code -(insertion id) - 1} when absent, as {@link Arrays#binarySearch(int[], int)} does.
   */
  public static int find(SortedDictionary dictionary, String value) {
    if (value == null) {
      return firstNonNullId(dictionary) == 1 ? 0 : -1;
    }
    int low = firstNonNullId(dictionary);
    int high = dictionary.cardinality() - 1;
    while (low <= high) {
      final int middle = (low + high) >>> 1;
      final int order = dictionary.value(middle).compareTo(value);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  /** The ids of those {@code values} present in the dictionary, ascending, each once. */
  public static int[] findAll(SortedDictionary dictionary, Collection<String> values) {
    final int[] ids = new int[values.size()];
    int found = 0;
    for (String value : values) {
      final int id = find(dictionary, value);
      if (id >= 0) {
        ids[found++] = id;
      }
    }
    Arrays.sort(ids, 0, found);
    int unique = 0;
    for (int i = 0; i < found; i++) {
      if (unique == 0 || ids[unique - 1] != ids[i]) {
        ids[unique++] = ids[i];
      }
    }
    return Arrays.copyOf(ids, unique);
  }

  /**
   * The ids of the non-null values above {@code lower} (or at it unless {@code lowerStrict}) and
   * below {@code upper} (or at it unless {@code upperStrict}); a null bound is unbounded.
   */
  public static IdRange range(
      SortedDictionary dictionary, String lower, boolean lowerStrict, String upper, boolean upperStrict) {
    final int start = lower == null ? firstNonNullId(dictionary) : firstIdAfter(dictionary, lower, lowerStrict);
    final int end = upper == null ? dictionary.cardinality() : firstIdAfter(dictionary, upper, !upperStrict);
    return new IdRange(start, Math.max(start, end));
  }

  /**
   * The first non-null id whose value is not below {@code bound}, or, when {@code skipEqual}, the
   * first whose value is above it; {@code cardinality} when there is none.
   */
  private static int firstIdAfter(SortedDictionary dictionary, String bound, boolean skipEqual) {
    int low = firstNonNullId(dictionary);
    int high = dictionary.cardinality();
    while (low < high) {
      final int middle = (low + high) >>> 1;
      final int order = dictionary.value(middle).compareTo(bound);
      if (order < 0 || (skipEqual && order == 0)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
