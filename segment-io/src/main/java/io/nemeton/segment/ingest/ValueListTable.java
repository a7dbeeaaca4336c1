package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Interns the value lists of multi-value rows (two or more dictionary ids) so that equal lists
 * share one code, which makes rollup and run files treat a list like a single value. List {@code
 * i} has code {@code -(i + 1)}; codes of single values are their dictionary ids (zero or more),
 * so one int column holds both.
 *
 * <p>Not thread-safe; allocates only when a new list arrives.
 */
final class ValueListTable {
  private int[] arena = new int[256];
  private int arenaSize;
  private int[] starts = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  private int count;
  private int[] table = new int[128];
  private int mask = 127;

  /** Number of distinct lists. */
  int count() {
    return count;
  }

  static boolean isList(int code) {
    return code < 0;
  }

  static int index(int code) {
    return -code - 1;
  }

  /** The code of {@code ids[from, from + length)} (length >= 2), adding it if new. */
  int intern(int[] ids, int from, int length) {
    int hash = 0x2545F491 ^ length;
    for (int i = 0; i < length; i++) {
      hash = (hash ^ ids[from + i]) * 0x9E3779B1;
      hash ^= hash >>> 15;
    }
    int slot = hash & mask;
    while (true) {
      final int stored = table[slot];
      if (stored == 0) {
        return insert(ids, from, length, hash, slot);
      }
      final int index = stored - 1;
      if (hashes[index] == hash && lengths[index] == length
          && Arrays.equals(arena, starts[index], starts[index] + length, ids, from, from + length)) {
        return -(index + 1);
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int[] ids, int from, int length, int hash, int slot) {
    final int index = count;
    if (index == starts.length) {
      starts = Arrays.copyOf(starts, index * 2);
      lengths = Arrays.copyOf(lengths, index * 2);
      hashes = Arrays.copyOf(hashes, index * 2);
    }
    if (arenaSize + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
    }
    System.arraycopy(ids, from, arena, arenaSize, length);
    starts[index] = arenaSize;
    lengths[index] = length;
    hashes[index] = hash;
    arenaSize += length;
    count = index + 1;
    table[slot] = index + 1;
    if (count * 2 > table.length) {
      final int[] grown = new int[table.length * 2];
      final int grownMask = grown.length - 1;
      for (int i = 0; i < count; i++) {
        int s = hashes[i] & grownMask;
        while (grown[s] != 0) {
          s = (s + 1) & grownMask;
        }
        grown[s] = i + 1;
      }
      table = grown;
      mask = grownMask;
    }
    return -(index + 1);
  }

  /** The ids of list {@code index} are {@code arena()[start(index), start(index) + length(index))}. */
  int start(int index) {
    return starts[index];
  }

  int length(int index) {
    return lengths[index];
  }

  /** The backing array; valid until the next {@link #intern}. */
  int[] arena() {
    return arena;
  }
}
