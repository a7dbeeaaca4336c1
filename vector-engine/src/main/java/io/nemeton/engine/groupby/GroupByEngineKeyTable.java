package io.nemeton.engine.groupby;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import java.util.Arrays;

/**
 * Numbers the distinct packed group keys of one time bucket of one segment, in first-seen order:
 * a plain array indexed by key when every key is below a small bound (dense dictionary ids), else
 * an open-addressing table with linear probing over a power-of-two capacity. Refuses to grow past
 * {@code maxBytes} of arrays (old and new arrays counted together while growing) with a resource
 * error naming the limit, which bounds a groupBy's memory.
 *
 * <p>Not thread-safe. Allocates only when it grows.
 */
final class GroupByEngineKeyTable {
  /** Largest key bound served by the dense array. */
  static final int DENSE_LIMIT = 1 << 20;
  private static final long EMPTY = Long.MIN_VALUE;

  private final long maxBytes;
  private final int[] dense;
  private long[] slots;
  private int[] slotGroups;
  private int mask;
  private long[] groupKeys = new long[16];
  private int size;

  /** @param keyBound keys are in {@code [0, keyBound)}, or -1 when unknown */
  GroupByEngineKeyTable(long keyBound, long maxBytes) {
    this.maxBytes = maxBytes;
    if (keyBound >= 0 && keyBound <= DENSE_LIMIT) {
      check((long) Integer.BYTES * keyBound + Long.BYTES * groupKeys.length, "a dense index of " + keyBound + " keys");
      dense = new int[(int) keyBound];
      Arrays.fill(dense, -1);
    } else {
      dense = null;
      slots = new long[1024];
      slotGroups = new int[1024];
      Arrays.fill(slots, EMPTY);
      mask = slots.length - 1;
    }
  }

  int size() {
    return size;
  }

  long keyOf(int group) {
    return groupKeys[group];
  }

  /** The group of {@code key}, numbering it when new. */
  int findOrInsert(long key) {
    if (dense != null) {
      final int group = dense[(int) key];
      if (group >= 0) {
        return group;
      }
      final int created = add(key);
      dense[(int) key] = created;
      return created;
    }
    int slot = (int) mix(key) & mask;
    while (true) {
      final long present = slots[slot];
      if (present == key) {
        return slotGroups[slot];
      }
      if (present == EMPTY) {
        final int created = add(key);
        slots[slot] = key;
        slotGroups[slot] = created;
        if (size * 2 > slots.length) {
          grow();
        }
        return created;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(long key) {
    if (size == groupKeys.length) {
      check(slotBytes() + (long) Long.BYTES * size * 3, "keys of " + (2L * size) + " groups");
      groupKeys = Arrays.copyOf(groupKeys, size * 2);
    }
    groupKeys[size] = key;
    return size++;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private long slotBytes() {
    return dense != null ? (long) Integer.BYTES * dense.length : (long) (Long.BYTES + Integer.BYTES) * slots.length;
  }

  private void check(long bytes, String what) {
    if (bytes > maxBytes) {
      throw new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "groupBy key table needs " + bytes
          + " bytes for " + what + " in one time bucket of one segment, over maxGroupByBytes=" + maxBytes
          + "; narrow the query (filter, coarser granularity, fewer dimensions) or raise the engine's "
          + "maxGroupByBytes");
    }
  }

  private void grow() {
    check(3L * slotBytes() + (long) Long.BYTES * groupKeys.length, "growing to " + (2L * slots.length) + " slots");
    final long[] oldSlots = slots;
    final int[] oldGroups = slotGroups;
    slots = new long[oldSlots.length * 2];
    slotGroups = new int[slots.length];
    Arrays.fill(slots, EMPTY);
    mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != EMPTY) {
        int slot = (int) mix(oldSlots[i]) & mask;
        while (slots[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = oldSlots[i];
        slotGroups[slot] = oldGroups[i];
      }
    }
  }

  /** Forgets every key, keeping the arrays. */
  void clear() {
    if (dense != null) {
      for (int i = 0; i < size; i++) {
        dense[(int) groupKeys[i]] = -1;
      }
    } else {
      Arrays.fill(slots, EMPTY);
    }
    size = 0;
  }
}
