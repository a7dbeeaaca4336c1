package io.nemeton.bitmap.internal;

import io.nemeton.memory.GrowableBytes;
import java.util.Arrays;

/**
 * Appends bit fields to a stream kept as little-endian 64-bit words: bit b of the stream is bit
 * {@code b & 63} of word {@code b >>> 6}, so a reader loads any field with one unaligned 8-byte
 * read and a shift.
 *
 * <p>Not thread-safe. Grows its word array by doubling; reusable after {@link #clear}.
 */
public final class BitStreamWriter {
  private long[] words = new long[64];
  private long bitCount;

  /** Bits written so far. */
  public long bitCount() {
    return bitCount;
  }

  public void clear() {
    Arrays.fill(words, 0, (int) Math.min(words.length, (bitCount >>> 6) + 1), 0L);
    bitCount = 0;
  }

  /** Appends the low {@code bits} bits of {@code value} (bits in [0, 57]; higher bits must be 0). */
  public void write(long value, int bits) {
    if (bits == 0) {
      return;
    }
    final long at = bitCount;
    ensureWords((int) ((at + bits + 63) >>> 6) + 1);
    final int word = (int) (at >>> 6);
    final int shift = (int) (at & 63);
    words[word] |= value << shift;
    if (shift + bits > 64) {
      words[word + 1] |= value >>> (64 - shift);
    }
    bitCount = at + bits;
  }

  /**
   * Appends the low {@code bits} bits (in [0, 32]) of each of {@code values[from, from + n)}, as
   * {@link #write} would one by one: one capacity check, and the word being filled kept in a
   * register rather than read back from the array after every field.
   */
  public void writeLowBits(int[] values, int from, int n, int bits) {
    if (bits == 0 || n <= 0) {
      return;
    }
    final long at = bitCount;
    final long total = (long) n * bits;
    ensureWords((int) ((at + total + 63) >>> 6) + 1);
    final long[] stream = words;
    final long mask = (1L << bits) - 1;
    int word = (int) (at >>> 6);
    int shift = (int) (at & 63);
    long filling = stream[word];
    for (int i = 0; i < n; i++) {
      final long value = values[from + i] & mask;
      filling |= value << shift;
      shift += bits;
      if (shift >= 64) {
        stream[word++] = filling;
        shift -= 64;
        // the value's bits that did not fit: bits - shift of them went into the finished word
        filling = shift == 0 ? 0 : value >>> (bits - shift);
      }
    }
    stream[word] = filling;
    bitCount = at + total;
  }

  /**
   * Sets, for each i in {@code [0, n)}, the bit at {@code start + (values[from + i] >>> shift) + i}
   * (positions ascending, below {@link #bitCount}): the upper half of an Elias–Fano list, with the
   * bits of one word gathered in a register before it is stored.
   */
  public void setUpperBits(long start, int[] values, int from, int n, int shift) {
    if (n <= 0) {
      return;
    }
    final long[] stream = words;
    long position = start + (values[from] >>> shift);
    int word = (int) (position >>> 6);
    long bits = 1L << position;
    for (int i = 1; i < n; i++) {
      position = start + (values[from + i] >>> shift) + i;
      final int next = (int) (position >>> 6);
      if (next != word) {
        stream[word] |= bits;
        word = next;
        bits = 0;
      }
      bits |= 1L << position;
    }
    stream[word] |= bits;
  }

  /** Makes room for {@code bits} more bits at once (a hint: writes grow the stream as needed anyway). */
  public void reserve(long bits) {
    final long words = (bitCount + bits + 63) >>> 6;
    if (words + 1 < Integer.MAX_VALUE - 16) {
      ensureWords((int) words + 1);
    }
  }

  /** Appends {@code length} zero bits. */
  public void skip(long length) {
    ensureWords((int) ((bitCount + length + 63) >>> 6) + 1);
    bitCount += length;
  }

  /** Sets the bit at stream position {@code position}, which must be below {@link #bitCount}. */
  public void setBit(long position) {
    words[(int) (position >>> 6)] |= 1L << (position & 63);
  }

  /** Appends gamma(x) for x >= 1: floor(log2 x) zeros, a one, then x's bits below its top bit. */
  public void writeGamma(int x) {
    final int k = 31 - Integer.numberOfLeadingZeros(x);
    write(1L << k, k + 1);
    write(x & ((1L << k) - 1), k);
  }

  /** Appends the stream as {@code ceil(bitCount / 64)} little-endian words, then one zero word. */
  public void copyTo(GrowableBytes out) {
    final int used = (int) ((bitCount + 63) >>> 6);
    // one capacity check for the whole stream, then plain stores
    final int at = out.skip(8 * (used + 1));
    for (int w = 0; w < used; w++) {
      out.setLong(at + 8 * w, words[w]);
    }
    out.setLong(at + 8 * used, 0L);
  }

  private void ensureWords(int needed) {
    if (needed > words.length) {
      words = Arrays.copyOf(words, Math.max(needed, words.length * 2));
    }
  }
}
