package io.nemeton.engine.groupby;

/**
 * A bounded binary heap that keeps the K best (key, group) pairs, where better means a larger key
 * and, for equal keys, a smaller group id. The root is the worst pair kept, so a candidate is
 * checked against it with one comparison and most candidates stop there. {@link LongTopK} and
 * {@link DoubleTopK} map their metrics and order to keys.
 *
 * <p>Not thread-safe. Allocates only in its constructor.
 */
final class TopKHeap {
  private final int limit;
  private final long[] keys;
  private final int[] groups;
  private int size;

  TopKHeap(int limit) {
    this.limit = limit;
    this.keys = new long[limit];
    this.groups = new int[limit];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** Whether (key, group) ranks before (otherKey, otherGroup). */
  private static boolean better(long key, int group, long otherKey, int otherGroup) {
    return key > otherKey || (key == otherKey && group < otherGroup);
  }

  /** Offers a candidate; true when it entered the heap (it may still be pushed out later). */
  boolean offer(long key, int group) {
    if (size < limit) {
      keys[size] = key;
      groups[size] = group;
      siftUp(size++);
      return true;
    } else if (limit > 0 && better(key, group, keys[0], groups[0])) {
      keys[0] = key;
      groups[0] = group;
      siftDown(0);
      return true;
    }
    return false;
  }


  /** The worst key kept once full, so scans can skip candidates that cannot enter. */
  boolean full() {
    return size == limit;
  }

  long rootKey() {
    return keys[0];
  }

  int rootGroup() {
    return groups[0];
  }

  private void siftUp(int index) {
    final long key = keys[index];
    final int group = groups[index];
    while (index > 0) {
      final int parent = (index - 1) >>> 1;
      if (!better(keys[parent], groups[parent], key, group)) {
        break;
      }
      keys[index] = keys[parent];
      groups[index] = groups[parent];
      index = parent;
    }
    keys[index] = key;
    groups[index] = group;
  }

  private void siftDown(int index) {
    final long key = keys[index];
    final int group = groups[index];
    while (true) {
      final int left = 2 * index + 1;
      if (left >= size) {
        break;
      }
      final int right = left + 1;
      int worse = left;
      if (right < size && better(keys[left], groups[left], keys[right], groups[right])) {
        worse = right;
      }
      if (!better(key, group, keys[worse], groups[worse])) {
        break;
      }
      keys[index] = keys[worse];
      groups[index] = groups[worse];
      index = worse;
    }
    keys[index] = key;
    groups[index] = group;
  }

  /**
   * Writes the kept pairs best first into {@code keysOut}/{@code groupsOut} at {@code offset} and
   * empties the heap; returns how many.
   */
  int drainBestFirst(long[] keysOut, int[] groupsOut, int offset) {
    final int count = size;
    // Pop the worst repeatedly and fill from the back.
    for (int position = offset + count - 1; position >= offset; position--) {
      keysOut[position] = keys[0];
      groupsOut[position] = groups[0];
      size--;
      if (size > 0) {
        keys[0] = keys[size];
        groups[0] = groups[size];
        siftDown(0);
      }
    }
    return count;
  }
}
