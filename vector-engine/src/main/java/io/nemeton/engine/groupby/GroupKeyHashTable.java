package io.nemeton.engine.groupby;

import io.nemeton.memory.OffHeapBuffer;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An off-heap open-addressing hash table from fixed-width group keys (one or two longs; narrower
 * keys, e.g. two dictionary ids, are packed by {@link GroupKeyPacking}) to dense group indexes
 * {@code 0, 1, 2, ...} in order of first appearance. The indexes address an {@link
 * AccumulatorTable}, so aggregation itself stays on dense arrays.
 *
 * <pre>
 * slots (capacity a power of two, linear probing, grows x2 past 7/10 full):
 *   width 1, 16 bytes:  [key: long][group + 1: int][unused: int]
 *   width 2, 24 bytes:  [key0: long][key1: long][group + 1: int][unused: int]
 *   group + 1 == 0 marks an empty slot (buffers start zeroed)
 * keys by group (for iteration and rehashing): [group 0 key][group 1 key]... width longs each
 * </pre>
 *
 * <p>Memory comes from {@link OffHeapBuffer} under the caller's accounting tag and is bounded by
 * {@code maxBytes}, counting the moment of growth when old and new slots live together; past it
 * {@link GroupByResourceLimitExceededException} says what was needed. {@link #close()} frees all.
 *
 * <p>Not thread-safe: one table per query thread. Allocates only when it grows (slots, or the
 * on-heap scratch of home slots when a batch is larger than any before).
 */
public final class GroupKeyHashTable implements AutoCloseable {
  /** Widest key in longs. */
  public static final int MAX_KEY_WIDTH_LONGS = 2;

  static final int MIN_CAPACITY = 16;
  static final int MAX_CAPACITY = 1 << 30;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

  private final String tag;
  private final int keyWidth;
  private final int slotBytes;
  private final int groupOffset;
  private final long maxBytes;
  private OffHeapBuffer slotBuffer;
  private MemorySegment slots;
  private OffHeapBuffer keyBuffer;
  private MemorySegment keys;
  private int capacity;
  private int mask;
  private int growAt;
  private int size;
  private int[] homeSlots = new int[0];
  private long touched;

  /**
   * An empty table sized for {@code expectedGroups} groups without growing.
   *
   * @param tag the off-heap accounting tag
   * @param keyWidthLongs longs per key, 1 or 2
   * @param maxBytes the most off-heap bytes the table may hold at once
   * @throws IllegalArgumentException naming the bad argument
   * @throws GroupByResourceLimitExceededException when even the initial table exceeds maxBytes
   */
  public GroupKeyHashTable(String tag, int keyWidthLongs, int expectedGroups, long maxBytes) {
    if (keyWidthLongs < 1 || keyWidthLongs > MAX_KEY_WIDTH_LONGS) {
      throw new IllegalArgumentException(
          "group key width=" + keyWidthLongs + " longs outside [1, " + MAX_KEY_WIDTH_LONGS + "]");
    }
    if (expectedGroups < 0 || expectedGroups > growAtFor(MAX_CAPACITY)) {
      throw new IllegalArgumentException(
          "group key table expectedGroups=" + expectedGroups + " outside [0, "
              + growAtFor(MAX_CAPACITY) + "]");
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException("group key table maxBytes=" + maxBytes + " must be >= 0");
    }
    this.tag = tag;
    this.keyWidth = keyWidthLongs;
    this.slotBytes = keyWidthLongs * Long.BYTES + 8;
    this.groupOffset = keyWidthLongs * Long.BYTES;
    this.maxBytes = maxBytes;
    int initialCapacity = MIN_CAPACITY;
    while (growAtFor(initialCapacity) < expectedGroups) {
      initialCapacity <<= 1;
    }
    final long needed = slotBytesFor(initialCapacity) + keyBytesFor(growAtFor(initialCapacity));
    if (needed > maxBytes) {
      throw limitExceeded("creating it with " + initialCapacity + " slots", needed);
    }
    allocate(initialCapacity);
    try {
      this.keyBuffer = OffHeapBuffer.allocate(tag, keyBytesFor(growAt));
    } catch (RuntimeException | Error e) {
      slotBuffer.close();
      throw e;
    }
    this.keys = keyBuffer.segment();
  }

  private static int growAtFor(int capacity) {
    return (int) ((long) capacity * 7 / 10);
  }

  private long slotBytesFor(long capacity) {
    return capacity * slotBytes;
  }

  private long keyBytesFor(long groups) {
    return groups * keyWidth * Long.BYTES;
  }

  private void allocate(int newCapacity) {
    slotBuffer = OffHeapBuffer.allocate(tag, slotBytesFor(newCapacity));
    slots = slotBuffer.segment();
    capacity = newCapacity;
    mask = newCapacity - 1;
    growAt = growAtFor(newCapacity);
  }

  private GroupByResourceLimitExceededException limitExceeded(String what, long needed) {
    return new GroupByResourceLimitExceededException(
        "group-by hash table tag=" + tag + " (key width " + keyWidth + " longs, groups=" + size
            + "): " + what + " needs " + needed + " off-heap bytes, over the limit maxBytes="
            + maxBytes,
        needed,
        maxBytes);
  }

  /** Murmur3's 64-bit finalizer: every key bit reaches the low bits the slot index uses. */
  static long hash(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  static long hash(long key0, long key1) {
    return hash(key0 * 0x9E3779B97F4A7C15L + key1);
  }

  /**
   * For each of {@code count} keys (width longs each, row after row in {@code keys}), writes its
   * group index to {@code groupIdsOut}, adding the key as a new group when absent.
   *
   * <p>Two passes per batch: the first hashes every key and loads its home slot, loads that do
   * not depend on each other or on a branch, so the CPU overlaps their cache misses; the second
   * probes, now mostly in cache. A probe loop alone keeps fewer misses in flight, because its
   * data-dependent exits limit how far the CPU runs ahead (see the vector-engine README).
   *
   * @throws GroupByResourceLimitExceededException when a new group would grow the table past its
   *     limit; the keys before it in the batch are already in
   */
  public void findOrInsert(long[] keys, int count, int[] groupIdsOut) {
    if (homeSlots.length < count) {
      homeSlots = new int[count];
    }
    if (keyWidth == 1) {
      findOrInsertWidth1(keys, count, groupIdsOut);
    } else {
      findOrInsertWidth2(keys, count, groupIdsOut);
    }
  }

  private void findOrInsertWidth1(long[] keys, int count, int[] groupIdsOut) {
    final int[] home = homeSlots;
    MemorySegment slots = this.slots;
    int mask = this.mask;
    long touch = 0;
    for (int i = 0; i < count; i++) {
      final int slot = (int) hash(keys[i]) & mask;
      home[i] = slot;
      touch += slots.get(INT, ((long) slot << 4) + 8);
    }
    touched = touch;
    boolean grown = false;
    for (int i = 0; i < count; i++) {
      final long key = keys[i];
      int slot = grown ? (int) hash(key) & mask : home[i];
      while (true) {
        final long offset = (long) slot << 4;
        final int stored = slots.get(INT, offset + 8);
        if (stored == 0) {
          if (size == growAt) {
            grow();
            slots = this.slots;
            mask = this.mask;
            grown = true;
            slot = (int) hash(key) & mask;
            continue;
          }
          final int group = size++;
          slots.set(LONG, offset, key);
          slots.set(INT, offset + 8, group + 1);
          this.keys.set(LONG, (long) group << 3, key);
          groupIdsOut[i] = group;
          break;
        }
        if (slots.get(LONG, offset) == key) {
          groupIdsOut[i] = stored - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  private void findOrInsertWidth2(long[] keys, int count, int[] groupIdsOut) {
    final int[] home = homeSlots;
    MemorySegment slots = this.slots;
    int mask = this.mask;
    long touch = 0;
    for (int i = 0; i < count; i++) {
      final int slot = (int) hash(keys[2 * i], keys[2 * i + 1]) & mask;
      home[i] = slot;
      touch += slots.get(INT, slot * 24L + 16);
    }
    touched = touch;
    boolean grown = false;
    for (int i = 0; i < count; i++) {
      final long key0 = keys[2 * i];
      final long key1 = keys[2 * i + 1];
      int slot = grown ? (int) hash(key0, key1) & mask : home[i];
      while (true) {
        final long offset = slot * 24L;
        final int stored = slots.get(INT, offset + 16);
        if (stored == 0) {
          if (size == growAt) {
            grow();
            slots = this.slots;
            mask = this.mask;
            grown = true;
            slot = (int) hash(key0, key1) & mask;
            continue;
          }
          final int group = size++;
          slots.set(LONG, offset, key0);
          slots.set(LONG, offset + 8, key1);
          slots.set(INT, offset + 16, group + 1);
          this.keys.set(LONG, (long) group << 4, key0);
          this.keys.set(LONG, ((long) group << 4) + 8, key1);
          groupIdsOut[i] = group;
          break;
        }
        if (slots.get(LONG, offset) == key0 && slots.get(LONG, offset + 8) == key1) {
          groupIdsOut[i] = stored - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * Like {@link #findOrInsert} but never inserts: an absent key gets group {@code -1}. Same two
   * passes.
   */
  public void find(long[] keys, int count, int[] groupIdsOut) {
    if (homeSlots.length < count) {
      homeSlots = new int[count];
    }
    final int[] home = homeSlots;
    final MemorySegment slots = this.slots;
    final int mask = this.mask;
    final int width = keyWidth;
    long touch = 0;
    for (int i = 0; i < count; i++) {
      final long hash = width == 1 ? hash(keys[i]) : hash(keys[2 * i], keys[2 * i + 1]);
      final int slot = (int) hash & mask;
      home[i] = slot;
      touch += slots.get(INT, (long) slot * slotBytes + groupOffset);
    }
    touched = touch;
    for (int i = 0; i < count; i++) {
      final long key0 = keys[width * i];
      final long key1 = width == 1 ? 0 : keys[2 * i + 1];
      int slot = home[i];
      while (true) {
        final long offset = (long) slot * slotBytes;
        final int stored = slots.get(INT, offset + groupOffset);
        if (stored == 0) {
          groupIdsOut[i] = -1;
          break;
        }
        if (slots.get(LONG, offset) == key0
            && (width == 1 || slots.get(LONG, offset + 8) == key1)) {
          groupIdsOut[i] = stored - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /** Doubles the slots (and the key store), rehashing from the key store. */
  private void grow() {
    if (capacity == MAX_CAPACITY) {
      throw limitExceeded(
          "growing past " + MAX_CAPACITY + " slots (the most one table can address)",
          slotBytesFor(2L * MAX_CAPACITY));
    }
    final int newCapacity = capacity << 1;
    final int newGrowAt = growAtFor(newCapacity);
    final long needed =
        slotBytesFor(capacity) + slotBytesFor(newCapacity) + keyBytesFor(newGrowAt);
    if (needed > maxBytes) {
      throw limitExceeded(
          "growing from " + capacity + " to " + newCapacity + " slots (old and new slots plus"
              + " keys for " + newGrowAt + " groups, live together while rehashing)",
          needed);
    }
    final OffHeapBuffer newKeyBuffer = OffHeapBuffer.allocate(tag, keyBytesFor(newGrowAt));
    MemorySegment.copy(keys, 0, newKeyBuffer.segment(), 0, keyBytesFor(size));
    keyBuffer.close();
    keyBuffer = newKeyBuffer;
    keys = newKeyBuffer.segment();
    final OffHeapBuffer oldSlotBuffer = slotBuffer;
    allocate(newCapacity);
    oldSlotBuffer.close();
    rehash();
  }

  private void rehash() {
    final MemorySegment slots = this.slots;
    final MemorySegment keys = this.keys;
    final int mask = this.mask;
    for (int group = 0; group < size; group++) {
      final long key0 = keys.get(LONG, (long) group * keyWidth * Long.BYTES);
      final long key1 = keyWidth == 1 ? 0 : keys.get(LONG, ((long) group << 4) + 8);
      int slot = (int) (keyWidth == 1 ? hash(key0) : hash(key0, key1)) & mask;
      while (slots.get(INT, (long) slot * slotBytes + groupOffset) != 0) {
        slot = (slot + 1) & mask;
      }
      final long offset = (long) slot * slotBytes;
      slots.set(LONG, offset, key0);
      if (keyWidth == 2) {
        slots.set(LONG, offset + 8, key1);
      }
      slots.set(INT, offset + groupOffset, group + 1);
    }
  }

  /** Number of groups. */
  public int size() {
    return size;
  }

  public int keyWidthLongs() {
    return keyWidth;
  }

  /** Slots now (a power of two). */
  public int capacity() {
    return capacity;
  }

  /** Off-heap bytes held now. */
  public long allocatedBytes() {
    return slotBuffer.sizeBytes() + keyBuffer.sizeBytes();
  }

  /**
   * Part {@code part} (0 or 1) of the key of {@code group}.
   *
   * @throws IndexOutOfBoundsException naming the group or part when out of range
   */
  public long keyAt(int group, int part) {
    if (group < 0 || group >= size) {
      throw new IndexOutOfBoundsException("group=" + group + " outside [0, size=" + size + ")");
    }
    if (part < 0 || part >= keyWidth) {
      throw new IndexOutOfBoundsException(
          "key part=" + part + " outside [0, width=" + keyWidth + ")");
    }
    return keys.get(LONG, ((long) group * keyWidth + part) * Long.BYTES);
  }

  /**
   * Copies the keys of groups {@code [fromGroup, fromGroup + groupCount)} to {@code out} (width
   * longs per group): iteration over the groups in index order.
   *
   * @throws IndexOutOfBoundsException naming the range when it is outside the groups or out
   */
  public void copyKeys(int fromGroup, int groupCount, long[] out) {
    if (fromGroup < 0 || groupCount < 0 || fromGroup + groupCount > size
        || (long) groupCount * keyWidth > out.length) {
      throw new IndexOutOfBoundsException(
          "groups [" + fromGroup + ", " + fromGroup + "+" + groupCount + ") outside [0, size="
              + size + ") or over out.length=" + out.length);
    }
    MemorySegment.copy(
        keys, LONG, (long) fromGroup * keyWidth * Long.BYTES, out, 0, groupCount * keyWidth);
  }

  /** Forgets every group, keeping the memory (to reuse the table for the next segment). */
  public void clear() {
    slots.fill((byte) 0);
    size = 0;
  }

  /** Frees the off-heap memory; idempotent. The table is unusable afterwards. */
  @Override
  public void close() {
    slotBuffer.close();
    keyBuffer.close();
  }

  /** The home slot of a one-long key in a table of {@code capacity} slots (for tests). */
  static int homeSlot(long key, int capacity) {
    return (int) hash(key) & (capacity - 1);
  }
}
