package io.nemeton.segment.ingest;

import io.nemeton.segment.format.Utf8Order;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of one string input field, interned by their UTF-8 bytes through an
 * open-addressing hash table so repeated values cost a hash and a compare and allocate nothing.
 * Id 0 is null; other ids count from 1 in order of first appearance and never change, so spilled
 * runs can hold them. {@link #ranks()} gives each id its position in Java String order among the
 * values seen so far; the order of any two values never changes as more arrive, which is why runs
 * sorted by earlier ranks merge correctly under the final ones.
 *
 * <p>Not thread-safe. Values are kept as bytes; Strings are decoded on demand and cached.
 */
final class ValueDictionary {
  static final int NULL_ID = 0;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int PREFIX_BYTES = 5;
  private static final int INDEX_BITS = 24;

  private static final int LENGTH_BITS = 24;
  static final int INLINE_BYTES = 7;
  private static final long INLINE_NONE = 0xFFL;
  /** Keeps the prefetch loop's reads from being optimized away. */
  private long touched;
  /** Sized for a whole batch up front: growing on first use would be a branch only new dictionaries take. */
  private int[] batchHashes = new int[InputBatch.CAPACITY];
  /** Bytes of an inline value being inserted (eight, for one store). */
  private final byte[] inlineBytes = new byte[8];

  private static final long LENGTH_MASK = (1L << LENGTH_BITS) - 1;
  /** Values longer than this are refused (16 MiB), so a length fits the packed slot. */
  static final int MAX_VALUE_BYTES = (1 << LENGTH_BITS) - 1;

  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  private int[] starts = new int[256];
  private int[] lengths = new int[256];
  /** First five bytes, remapped to String order, big-endian: most comparisons end here. */
  private long[] prefixes = new long[256];
  private String[] strings = new String[256];
  private int size = 1;
  /**
   * Open addressing, two longs per slot in one array so a probe touches one cache line: {@code
   * hash << 32 | id} (id 0 = empty slot), then the value's location: values of up to seven bytes
   * inline ({@code length << 56 | bytes}, little-endian), longer ones as {@code INLINE_NONE << 56 |
   * arenaOffset << 24 | length}. Short values (the common case for ids and codes) are then found
   * with one cache miss instead of two.
   */
  private long[] table = new long[1024];
  private int mask = 511;

  private int[] sortedIds = new int[0];
  /** {@code prefixes[sortedIds[i]]}, kept beside the order so merging reads memory in sequence. */
  private long[] sortedPrefixes = new long[0];
  private int rankedSize = 1;
  private int[] ranks = new int[] {0};

  /** Number of ids handed out, null included. */
  int size() {
    return size;
  }

  /** The id of {@code bytes[offset, offset + length)}, adding it if new. */
  int intern(byte[] bytes, int offset, int length) {
    if (length <= INLINE_BYTES) {
      return internInline(inline(bytes, offset, length));
    }
    return intern(bytes, offset, length, hash(bytes, offset, length));
  }

  /**
   * Interns {@code count} queued values, writing each id to {@code ids[rows[i]]}. A value of up to
   * seven bytes is given by its inline form {@code keys[i]} alone; a longer one has {@code keys[i]
   * == -1} and its bytes at {@code bytes[starts[i], starts[i] + lengths[i])}. All slots are touched first: those
   * loads do not depend on each other, so the processor overlaps their cache misses, and the
   * lookups that follow mostly hit the cache.
   */
  void internAll(long[] keys, byte[] bytes, int[] starts, int[] lengths, int[] rows, int count, int[] ids) {
    if (batchHashes.length < count) {
      batchHashes = new int[count];
    }
    final int[] hashesOfBatch = batchHashes;
    final long[] slots = table;
    final int slotMask = mask;
    long sum = 0;
    for (int i = 0; i < count; i++) {
      final long key = keys[i];
      final int hash = key != -1 ? hashInline(key) : hash(bytes, starts[i], lengths[i]);
      hashesOfBatch[i] = hash;
      sum += slots[(hash & slotMask) << 1];
    }
    touched += sum;
    for (int i = 0; i < count; i++) {
      final long key = keys[i];
      ids[rows[i]] = key != -1 ? internInline(key, hashesOfBatch[i]) : intern(bytes, starts[i], lengths[i], hashesOfBatch[i]);
    }
  }


  private int intern(byte[] bytes, int offset, int length, int hash) {
    final long[] slots = table;
    final int slotMask = mask;
    final long inline = length <= INLINE_BYTES ? inline(bytes, offset, length) : 0;
    int slot = hash & slotMask;
    while (true) {
      final long head = slots[slot << 1];
      final int id = (int) head;
      if (id == 0) {
        return insert(bytes, offset, length, hash, slot);
      }
      if ((int) (head >>> 32) == hash) {
        final long location = slots[(slot << 1) + 1];
        if (length <= INLINE_BYTES) {
          if (location == inline) {
            return id;
          }
        } else if ((location >>> 56) == INLINE_NONE && (location & LENGTH_MASK) == length) {
          final int start = (int) ((location >>> LENGTH_BITS) & 0xFFFFFFFFL);
          if (Arrays.equals(arena, start, start + length, bytes, offset, offset + length)) {
            return id;
          }
        }
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /** A value of up to seven bytes as {@code length << 56 | bytes} (little-endian). */
  static long inline(byte[] bytes, int offset, int length) {
    if (offset + 8 <= bytes.length) {
      // one load; the bytes past the value are masked off
      final long word = (long) LONG.get(bytes, offset);
      return ((long) length << 56) | (word & ((1L << (length << 3)) - 1));
    }
    long packed = 0;
    for (int i = length - 1; i >= 0; i--) {
      packed = (packed << 8) | (bytes[offset + i] & 0xFFL);
    }
    return ((long) length << 56) | packed;
  }

  /** The id of the value whose inline form ({@link #inline}) is {@code key}, adding it if new. */
  int internInline(long key) {
    return internInline(key, hashInline(key));
  }

  private int internInline(long key, int hash) {
    final long[] slots = table;
    final int slotMask = mask;
    int slot = hash & slotMask;
    while (true) {
      final long head = slots[slot << 1];
      final int id = (int) head;
      if (id == 0) {
        LONG.set(inlineBytes, 0, key);
        return insert(inlineBytes, 0, (int) (key >>> 56), hash, slot);
      }
      if (slots[(slot << 1) + 1] == key) {
        return id;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  private long location(int id) {
    final int length = lengths[id];
    return length <= INLINE_BYTES ? inline(arena, starts[id], length)
        : (INLINE_NONE << 56) | ((long) starts[id] << LENGTH_BITS) | length;
  }

  /** The id of {@code value} (null gives {@link #NULL_ID}). */
  int intern(String value) {
    if (value == null) {
      return NULL_ID;
    }
    final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return intern(bytes, 0, bytes.length);
  }

  private int insert(byte[] bytes, int offset, int length, int hash, int slot) {
    if (length > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("value of " + length + " bytes is longer than the limit of " + MAX_VALUE_BYTES);
    }
    if (!isAscii(bytes, offset, length) && !Utf8Order.isValid(bytes, offset, length)) {
      // one spelling per value: invalid sequences become what decoding makes of them
      final byte[] canonical = new String(bytes, offset, length, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      return intern(canonical, 0, canonical.length);
    }
    final int id = size;
    if (id == starts.length) {
      final int grown = id * 2;
      starts = Arrays.copyOf(starts, grown);
      lengths = Arrays.copyOf(lengths, grown);
      prefixes = Arrays.copyOf(prefixes, grown);
      strings = Arrays.copyOf(strings, grown);
    }
    if (arenaSize + length > arena.length) {
      final long grown = Math.max((long) arena.length * 2, (long) arenaSize + length);
      if (grown > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("dictionary values exceed 2 GiB: values=" + size);
      }
      arena = Arrays.copyOf(arena, (int) grown);
    }
    System.arraycopy(bytes, offset, arena, arenaSize, length);
    starts[id] = arenaSize;
    lengths[id] = length;
    prefixes[id] = prefix(bytes, offset, length);
    arenaSize += length;
    size = id + 1;
    table[slot << 1] = ((long) hash << 32) | id;
    table[(slot << 1) + 1] = location(id);
    if (size * 2 > mask + 1) {
      rehash();
    }
    return id;
  }

  /**
   * Doubles the table. The old slots are read in order and each pair is copied as it is (hash and
   * location are in the slot): a value's new home is its old one or that plus the old size, so
   * the writes go through the new table in two sequential streams instead of at random.
   */
  private void rehash() {
    final long[] old = table;
    final int slots = (mask + 1) * 2;
    final long[] grown = new long[slots * 2];
    final int grownMask = slots - 1;
    for (int from = 0; from < old.length; from += 2) {
      final long head = old[from];
      if (head != 0) {
        int slot = (int) (head >>> 32) & grownMask;
        while (grown[slot << 1] != 0) {
          slot = (slot + 1) & grownMask;
        }
        grown[slot << 1] = head;
        grown[(slot << 1) + 1] = old[from + 1];
      }
    }
    table = grown;
    mask = grownMask;
  }

  /** The value of {@code id}; null for {@link #NULL_ID}. */
  String value(int id) {
    if (id == NULL_ID) {
      return null;
    }
    String value = strings[id];
    if (value == null) {
      value = new String(arena, starts[id], lengths[id], StandardCharsets.UTF_8);
      strings[id] = value;
    }
    return value;
  }

  /** Java String order of two ids' values, null first. */
  int compare(int left, int right) {
    if (left == right) {
      return 0;
    }
    if (left == NULL_ID || right == NULL_ID) {
      return left == NULL_ID ? -1 : 1;
    }
    final int byPrefix = Long.compareUnsigned(prefixes[left], prefixes[right]);
    if (byPrefix != 0) {
      return byPrefix;
    }
    return Utf8Order.compare(arena, starts[left], lengths[left], arena, starts[right], lengths[right]);
  }

  /**
   * Ranks of every id so far in String order: null is 0, other values 1..size-1. The array is
   * owned by the dictionary and valid until the next call after new values arrive.
   */
  int[] ranks() {
    if (rankedSize == size) {
      return ranks;
    }
    final int fresh = size - rankedSize;
    final int[] added = new int[fresh];
    for (int i = 0; i < fresh; i++) {
      added[i] = rankedSize + i;
    }
    sortIds(added);
    final int[] merged = new int[sortedIds.length + fresh];
    final long[] mergedPrefixes = new long[merged.length];
    final int[] old = sortedIds;
    final long[] oldPrefixes = sortedPrefixes;
    int left = 0;
    int right = 0;
    int out = 0;
    long rightPrefix = fresh > 0 ? prefixes[added[0]] : 0;
    while (left < old.length && right < fresh) {
      final int byPrefix = Long.compareUnsigned(oldPrefixes[left], rightPrefix);
      if (byPrefix < 0 || (byPrefix == 0 && compare(old[left], added[right]) <= 0)) {
        mergedPrefixes[out] = oldPrefixes[left];
        merged[out++] = old[left++];
      } else {
        mergedPrefixes[out] = rightPrefix;
        merged[out++] = added[right++];
        if (right < fresh) {
          rightPrefix = prefixes[added[right]];
        }
      }
    }
    while (left < old.length) {
      mergedPrefixes[out] = oldPrefixes[left];
      merged[out++] = old[left++];
    }
    while (right < fresh) {
      mergedPrefixes[out] = prefixes[added[right]];
      merged[out++] = added[right++];
    }
    sortedPrefixes = mergedPrefixes;
    sortedIds = merged;
    if (ranks.length < size) {
      ranks = new int[Math.max(size, ranks.length * 2)];
    }
    for (int i = 0; i < merged.length; i++) {
      ranks[merged[i]] = i + 1;
    }
    rankedSize = size;
    return ranks;
  }

  /** Non-null ids in String order as of the last {@link #ranks()}; {@code sortedIds()[rank - 1]} is the id. */
  int[] sortedIds() {
    ranks();
    return sortedIds;
  }

  /** Sorts ids by value: first by their five-byte prefixes with a primitive sort, then ties by bytes. */
  private void sortIds(int[] ids) {
    if (ids.length >= 1 << INDEX_BITS) {
      IntMergeSort.sort(ids, 0, ids.length, this::compare);
      return;
    }
    final long[] keys = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      // flipping the sign bit makes the signed primitive sort order the prefixes unsigned
      keys[i] = ((prefixes[ids[i]] << INDEX_BITS) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    final int[] ordered = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ordered[i] = ids[(int) (keys[i] & ((1 << INDEX_BITS) - 1))];
    }
    int runStart = 0;
    for (int i = 1; i <= ordered.length; i++) {
      if (i == ordered.length || (keys[i] >>> INDEX_BITS) != (keys[runStart] >>> INDEX_BITS)) {
        if (i - runStart > 1) {
          IntMergeSort.sort(ordered, runStart, i, this::compare);
        }
        runStart = i;
      }
    }
    System.arraycopy(ordered, 0, ids, 0, ids.length);
  }

  /** Five bytes remapped by {@link Utf8Order#weight}, big-endian, zero padded (40 bits). */
  private static long prefix(byte[] bytes, int offset, int length) {
    long prefix = 0;
    for (int i = 0; i < PREFIX_BYTES; i++) {
      prefix <<= 8;
      if (i < length) {
        final int b = bytes[offset + i] & 0xff;
        prefix |= b < 0xEE ? b : Utf8Order.weight(b) & 0xff;
      }
    }
    return prefix;
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    int i = 0;
    long bits = 0;
    for (; i + 8 <= length; i += 8) {
      bits |= (long) LONG.get(bytes, offset + i);
    }
    for (; i < length; i++) {
      bits |= bytes[offset + i];
    }
    return (bits & 0x8080808080808080L) == 0;
  }

  static int hash(byte[] bytes, int offset, int length) {
    if (length <= INLINE_BYTES) {
      return hashInline(inline(bytes, offset, length));
    }
    long h = 0x9E3779B97F4A7C15L ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h = (h ^ (long) LONG.get(bytes, offset + i)) * 0xFF51AFD7ED558CCDL;
      h ^= h >>> 32;
    }
    long tail = 0;
    for (; i < length; i++) {
      tail = (tail << 8) | (bytes[offset + i] & 0xff);
    }
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 29;
    return (int) (h ^ (h >>> 32));
  }

  /** The hash of a value of up to seven bytes, from its inline form. */
  static int hashInline(long inline) {
    long h = (inline ^ 0x9E3779B97F4A7C15L) * 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 29;
    h *= 0xFF51AFD7ED558CCDL;
    return (int) (h ^ (h >>> 32));
  }

  /** The length in UTF-8 bytes of {@code id}'s value; 0 for {@link #NULL_ID}. */
  int valueLength(int id) {
    return id == NULL_ID ? 0 : lengths[id];
  }

  /**
   * Copies {@code id}'s UTF-8 bytes to {@code destination[at, at + valueLength(id))} (nothing for
   * {@link #NULL_ID}); returns the bytes copied. No String is built.
   */
  int copyValue(int id, byte[] destination, int at) {
    if (id == NULL_ID) {
      return 0;
    }
    final int length = lengths[id];
    final int start = starts[id];
    if (length <= 16) {
      // most values are a few bytes: a loop is cheaper than the call
      final byte[] source = arena;
      for (int i = 0; i < length; i++) {
        destination[at + i] = source[start + i];
      }
    } else {
      System.arraycopy(arena, start, destination, at, length);
    }
    return length;
  }
}
