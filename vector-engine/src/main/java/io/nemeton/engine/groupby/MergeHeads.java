package io.nemeton.engine.groupby;

import io.nemeton.engine.storage.DictionaryBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The heads of a k-way merge over the sorted dictionaries of several {@link DictionaryGroups}: per
 * part, the current seen group's id, where its value's UTF-8 bytes lie in the dictionary ({@link
 * DictionaryBytes}) and their first eight bytes as a big-endian word (heap arrays the dictionary
 * keeps: {@link DictionaryBytes#offsets}, {@link DictionaryBytes#firstWords}), so most comparisons are one
 * unsigned compare of two longs and no value is sliced or decoded. Order is unsigned byte order,
 * null first: dictionary order for values below U+D000. A part whose dictionary holds a byte at or
 * above 0xED has each head checked; {@link #advance} reports such a value so the caller can
 * decline.
 *
 * <p>Not thread-safe: one per merge. Allocates only its per-part arrays.
 */
final class MergeHeads {
  /** Eight bytes read so that unsigned long order is byte order. */
  private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  /** Common tails up to this length are compared here; longer ones by {@code mismatch}. */
  private static final long SHORT_TAIL = 32;

  private final DictionaryGroups[] parts;
  private final DictionaryBytes[] dictionaries;
  private final long[][] firstWords;
  private final int[][] offsets;
  private final MemorySegment[] values;
  private final boolean[] checkEach;
  /** Current id per part (-1 before the first advance). */
  final int[] cursor;
  /** Whether a part has no more groups. */
  final boolean[] done;
  private final boolean[] isNull;
  private final int[] start;
  private final int[] length;
  private final long[] prefix;

  MergeHeads(DictionaryGroups[] parts) {
    final int count = parts.length;
    this.parts = parts;
    this.dictionaries = new DictionaryBytes[count];
    this.firstWords = new long[count][];
    this.offsets = new int[count][];
    this.values = new MemorySegment[count];
    this.checkEach = new boolean[count];
    this.cursor = new int[count];
    this.done = new boolean[count];
    this.isNull = new boolean[count];
    this.start = new int[count];
    this.length = new int[count];
    this.prefix = new long[count];
    for (int p = 0; p < count; p++) {
      dictionaries[p] = parts[p].column().dictionaryBytes();
      values[p] = dictionaries[p].values();
      firstWords[p] = dictionaries[p].firstWords();
      offsets[p] = dictionaries[p].offsets();
      checkEach[p] = dictionaries[p].hasByteFromED();
      cursor[p] = -1;
    }
  }

  /**
   * Moves part {@code p} to its next seen group; marks it done at the end. Returns true when the
   * new head's value has a byte at or above 0xED, where dictionary order and code point order may
   * differ.
   */
  boolean advance(int p) {
    final DictionaryGroups part = parts[p];
    final int bound = part.keyBound();
    int id = cursor[p] + 1;
    while (id < bound && part.rows(id) == 0) {
      id++;
    }
    cursor[p] = id;
    if (id >= bound) {
      done[p] = true;
      return false;
    }
    final DictionaryBytes dictionary = dictionaries[p];
    if (dictionary.isNull(id)) {
      isNull[p] = true;
      return false;
    }
    isNull[p] = false;
    final int[] starts = offsets[p];
    final int from = starts[id];
    final int size = starts[id + 1] - from;
    start[p] = from;
    length[p] = size;
    final long word = firstWords[p][id];
    prefix[p] = word;
    return checkEach[p] && DictionaryBytes.hasByteFromED(values[p], from, from + size);
  }

  /**
   * Unsigned byte order of the heads of parts {@code p} and {@code q}, null first. Equal first
   * words decide by length when either value is at most eight bytes long (zero padding makes the
   * shorter one a prefix of the longer one); otherwise the tails are compared.
   */
  int compare(int p, int q) {
    if (isNull[p] || isNull[q]) {
      return isNull[p] ? (isNull[q] ? 0 : -1) : 1;
    }
    final long left = prefix[p];
    final long right = prefix[q];
    if (left != right) {
      return Long.compareUnsigned(left, right);
    }
    final int leftLength = length[p];
    final int rightLength = length[q];
    if (leftLength <= Long.BYTES || rightLength <= Long.BYTES) {
      return Integer.compare(leftLength, rightLength);
    }
    return compareTails(values[p], start[p] + Long.BYTES, leftLength - Long.BYTES,
        values[q], start[q] + Long.BYTES, rightLength - Long.BYTES);
  }

  private static int compareTails(MemorySegment left, long leftFrom, long leftLength, MemorySegment right,
      long rightFrom, long rightLength) {
    final long common = Math.min(leftLength, rightLength);
    if (common > SHORT_TAIL) {
      final long mismatch = MemorySegment.mismatch(left, leftFrom, leftFrom + leftLength, right, rightFrom,
          rightFrom + rightLength);
      if (mismatch < 0) {
        return 0;
      }
      if (mismatch == leftLength || mismatch == rightLength) {
        return Long.compare(leftLength, rightLength);
      }
      return Integer.compare(left.get(ValueLayout.JAVA_BYTE, leftFrom + mismatch) & 0xFF,
          right.get(ValueLayout.JAVA_BYTE, rightFrom + mismatch) & 0xFF);
    }
    long i = 0;
    for (; i + Long.BYTES <= common; i += Long.BYTES) {
      final long a = left.get(BIG_ENDIAN_LONG, leftFrom + i);
      final long b = right.get(BIG_ENDIAN_LONG, rightFrom + i);
      if (a != b) {
        return Long.compareUnsigned(a, b);
      }
    }
    for (; i < common; i++) {
      final int a = left.get(ValueLayout.JAVA_BYTE, leftFrom + i) & 0xFF;
      final int b = right.get(ValueLayout.JAVA_BYTE, rightFrom + i) & 0xFF;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return Long.compare(leftLength, rightLength);
  }
}
