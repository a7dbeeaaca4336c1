package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.MultiValueHandling;

/**
 * One string input field: its dictionary, its multi-value lists, and how multi-value rows are
 * stored. Turns the values of one row into a code: null (0), a dictionary id, or a list code.
 * Its {@code slot} is both its column in {@link InputBatch} and its code column in {@link RowStore}.
 *
 * <p>Not thread-safe.
 */
final class StringField {
  final String name;
  final int slot;
  final ValueDictionary dictionary = new ValueDictionary();
  final ValueListTable lists = new ValueListTable();
  MultiValueHandling handling = MultiValueHandling.ARRAY;
  private int[] ids = new int[8];
  private int idCount;

  StringField(String name, int slot) {
    this.name = name;
    this.slot = slot;
  }

  /** Starts collecting the values of one multi-value row. */
  void beginList() {
    idCount = 0;
  }

  void addToList(int id) {
    if (idCount == ids.length) {
      ids = java.util.Arrays.copyOf(ids, idCount * 2);
    }
    ids[idCount++] = id;
  }

  /** The code of the collected values after {@link #handling}: null, one id, or a list. */
  int endList() {
    int count = idCount;
    if (count == 0) {
      return ValueDictionary.NULL_ID;
    }
    if (count > 1 && handling != MultiValueHandling.ARRAY) {
      IntMergeSort.insertionSort(ids, 0, count, dictionary::compare);
      if (handling == MultiValueHandling.SORTED_SET) {
        int kept = 1;
        for (int i = 1; i < count; i++) {
          if (ids[i] != ids[kept - 1]) {
            ids[kept++] = ids[i];
          }
        }
        count = kept;
      }
    }
    return count == 1 ? ids[0] : lists.intern(ids, 0, count);
  }

  /** Orders two codes by the current ranks: values in String order, lists element-wise. */
  int compareCodes(int left, int right, int[] ranks) {
    if (left == right) {
      return 0;
    }
    if (left >= 0 && right >= 0) {
      return Integer.compare(ranks[left], ranks[right]);
    }
    final int[] arena = lists.arena();
    final int leftStart = left >= 0 ? -1 : lists.start(ValueListTable.index(left));
    final int leftLength = left >= 0 ? 1 : lists.length(ValueListTable.index(left));
    final int rightStart = right >= 0 ? -1 : lists.start(ValueListTable.index(right));
    final int rightLength = right >= 0 ? 1 : lists.length(ValueListTable.index(right));
    final int shared = Math.min(leftLength, rightLength);
    for (int i = 0; i < shared; i++) {
      final int leftId = leftStart < 0 ? left : arena[leftStart + i];
      final int rightId = rightStart < 0 ? right : arena[rightStart + i];
      final int byRank = Integer.compare(ranks[leftId], ranks[rightId]);
      if (byRank != 0) {
        return byRank;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }

  /** Number of values of a code (1 for null and single values). */
  int valueCount(int code) {
    return code >= 0 ? 1 : lists.length(ValueListTable.index(code));
  }

  /** The {@code i}-th id of a code. */
  int valueId(int code, int i) {
    return code >= 0 ? code : lists.arena()[lists.start(ValueListTable.index(code)) + i];
  }
}
