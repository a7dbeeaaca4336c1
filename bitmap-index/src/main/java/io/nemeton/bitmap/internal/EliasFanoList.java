package io.nemeton.bitmap.internal;

import io.nemeton.bitmap.BitmapFormatException;
import io.nemeton.bitmap.CompactIndexLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One row list of the compact postings stream ({@link CompactIndexLayout}): {@code gamma(n + 1)}
 * then, for n > 0, the Elias–Fano code of n ascending rows below the universe U. A list's size is a
 * function of n and U alone ({@link #sizeBits}), which is what lets a reader skip lists without
 * decoding them.
 *
 * <p>Stateless and thread-safe; {@link #read} allocates a heap copy of the list's bytes. Reads check every position against the caller's end bit and every
 * row against U, so hostile bytes fail with a {@link BitmapFormatException} and never read past the
 * stream; the stream's zero slack word keeps every 8-byte load inside the region.
 */
public final class EliasFanoList {
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_IN_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** A window load yields at least this many valid bits (64 minus a shift of up to 7). */
  private static final int WINDOW_BITS = 56;

  private EliasFanoList() {}

  /** Low bits per row for n rows below U (n in [1, U]). */
  public static int lowBits(int n, int rowLimit) {
    return 31 - Integer.numberOfLeadingZeros(rowLimit / n);
  }

  /** Bits of a list of n rows below U, gamma code included; n in [0, U]. */
  public static long sizeBits(int n, int rowLimit) {
    final long gamma = 2L * (31 - Integer.numberOfLeadingZeros(n + 1)) + 1;
    if (n == 0) {
      return gamma;
    }
    final int low = lowBits(n, rowLimit);
    return gamma + (long) n * low + n + ((rowLimit - 1) >>> low) + 1;
  }

  /** Appends the list of the n distinct ascending rows {@code rows[from, from + n)}, all below U. */
  public static void write(int[] rows, int from, int n, int rowLimit, BitStreamWriter out) {
    write(0, 0, rows, from, n, rowLimit, out);
  }

  /**
   * As {@link #write(int[], int, int, int, BitStreamWriter)} after the low {@code prefixBits} bits
   * (at most 2) of {@code prefix}, such as an entry's kind: the prefix and the count's gamma code
   * go into the stream as one field.
   */
  public static void write(int prefix, int prefixBits, int[] rows, int from, int n, int rowLimit,
      BitStreamWriter out) {
    // gamma(n + 1): k zeros, a one, then the k bits of n + 1 below its top bit
    final int x = n + 1;
    final int k = 31 - Integer.numberOfLeadingZeros(x);
    final long gamma = (1L << k) | ((long) (x & ((1 << k) - 1)) << (k + 1));
    out.write(prefix | (gamma << prefixBits), prefixBits + 2 * k + 1);
    if (n == 0) {
      return;
    }
    final int low = lowBits(n, rowLimit);
    out.writeLowBits(rows, from, n, low);
    final long highStart = out.bitCount();
    out.skip((long) n + ((rowLimit - 1) >>> low) + 1);
    out.setUpperBits(highStart, rows, from, n, low);
  }

  /**
   * The row count n of the list at stream bit {@code at}, checked against {@code maxRows} (the
   * layout's {@link CompactIndexLayout#MAX_LIST_ROWS} or {@link CompactIndexLayout#MAX_LIST_ROWS_V3},
   * both below 2^27) and U, and its gamma code inside {@code [at, end)}.
   */
  public static int readCount(MemorySegment stream, long streamStart, long at, long end, int rowLimit, int maxRows,
      String thing, int id) {
    if (at >= end) {
      throw fail(thing, id, "list starts at bit=" + at + " at or past its group's end bit=" + end);
    }
    final long window = window(stream, streamStart, at);
    final int zeros = Long.numberOfTrailingZeros(window);
    // gamma(n + 1) for n <= maxRows has at most this many leading zeros
    final int maxZeros = 31 - Integer.numberOfLeadingZeros(maxRows + 1);
    if (zeros > maxZeros) {
      throw fail(thing, id, "row count code at bit=" + at + " has " + Math.min(zeros, WINDOW_BITS)
          + " leading zeros, above the maximum=" + maxZeros);
    }
    if (at + 2L * zeros + 1 > end) {
      throw fail(thing, id, "row count code at bit=" + at + " runs past its group's end bit=" + end);
    }
    final long x = (1L << zeros) | ((window >>> (zeros + 1)) & ((1L << zeros) - 1));
    final long n = x - 1;
    if (n > maxRows || n > rowLimit) {
      throw fail(thing, id, "list of n=" + n + " rows is above the maximum=" + Math.min(maxRows, rowLimit)
          + " (rowLimit=" + rowLimit + ")");
    }
    return (int) n;
  }

  /**
   * Decodes the n rows of the list at stream bit {@code at} (whose count {@link #readCount} read)
   * into {@code rows[0, n)}; checks they ascend strictly, stay below U and end inside
   * {@code [at, end)}. Returns the bit just past the list.
   */
  public static long read(MemorySegment stream, long streamStart, long at, long end, int n, int rowLimit, int[] rows,
      String thing, int id) {
    final long listEnd = at + sizeBits(n, rowLimit);
    if (listEnd > end) {
      throw fail(thing, id, "list of n=" + n + " rows at bit=" + at + " ends at bit=" + listEnd
          + " past its group's end bit=" + end);
    }
    if (n == 0) {
      return listEnd;
    }
    // one bulk copy of the list's bytes to the heap, then plain array loads: cheaper than a checked
    // access to the (shared, mapped) segment per field
    final long firstByte = at >>> 3;
    final int byteCount = (int) (((listEnd + 7) >>> 3) - firstByte);
    final byte[] local = new byte[byteCount + 8];
    MemorySegment.copy(stream, ValueLayout.JAVA_BYTE, streamStart + firstByte, local, 0, byteCount);
    final long base = firstByte << 3;
    final int low = lowBits(n, rowLimit);
    final long lowMask = (1L << low) - 1;
    long position = at + 2L * (31 - Integer.numberOfLeadingZeros(n + 1)) + 1;
    for (int i = 0; i < n; i++) {
      rows[i] = (int) (window(local, position - base) & lowMask);
      position += low;
    }
    final long highStart = position;
    int i = 0;
    long previous = -1;
    while (i < n) {
      if (position >= listEnd) {
        throw fail(thing, id, "list of n=" + n + " rows at bit=" + at + " has only " + i + " high marks");
      }
      final int available = (int) Math.min(WINDOW_BITS, listEnd - position);
      long bits = window(local, position - base) & ((1L << available) - 1);
      while (bits != 0 && i < n) {
        final long high = position - highStart + Long.numberOfTrailingZeros(bits) - i;
        final long row = (high << low) | rows[i];
        if (row <= previous || row >= rowLimit) {
          throw fail(thing, id, "list row[" + i + "]=" + row + " is not above " + previous + " or not below rowLimit="
              + rowLimit);
        }
        rows[i] = (int) row;
        previous = row;
        i++;
        bits &= bits - 1;
      }
      position += available;
    }
    return listEnd;
  }

  /**
   * Sets, in the word bitmap {@code words} (row r is bit {@code r & 63} of word {@code r >>> 6}),
   * the bit of each of the n rows of the list at stream bit {@code at}, with the checks of {@link
   * #read}, except that rows repeated by hostile bytes may go unnoticed (they set their bit again;
   * {@link #read} and a region's verify refuse them). {@code words} must hold at least {@code
   * ceil(U / 64)} words. The low parts are unpacked first; then each one bit of the high part gives a
   * row, unchecked within a word whose rows are all below U (every word but the last few).
   * Returns the bit just past the list. Allocates a heap copy of the list's words and its n low parts.
   */
  public static long orInto(MemorySegment stream, long streamStart, long at, long end, int n, int rowLimit,
      long[] words, String thing, int id) {
    final long listEnd = at + sizeBits(n, rowLimit);
    if (listEnd > end) {
      throw fail(thing, id, "list of n=" + n + " rows at bit=" + at + " ends at bit=" + listEnd
          + " past its group's end bit=" + end);
    }
    if ((long) words.length << 6 < rowLimit) {
      throw new IllegalArgumentException(thing + " id=" + id + ": words length=" + words.length
          + " holds fewer than rowLimit=" + rowLimit + " rows");
    }
    if (n == 0) {
      return listEnd;
    }
    // the list's whole stream words, and the next one (the stream's slack word at worst), copied
    // once: plain array loads then, and every field is two aligned loads and shifts
    final long firstWord = at >>> 6;
    final int lastWord = (int) (((listEnd - 1) >>> 6) - firstWord);
    final long[] local = new long[lastWord + 2];
    MemorySegment.copy(stream, LONG, streamStart + (firstWord << 3), local, 0, lastWord + 2);
    final long base = firstWord << 6;
    final int low = lowBits(n, rowLimit);
    final long lowMask = (1L << low) - 1;
    long lowAt = at + 2L * (31 - Integer.numberOfLeadingZeros(n + 1)) + 1 - base;
    final long highStart = lowAt + (long) n * low;
    final long highEnd = listEnd - base;
    // the low parts first, in a loop without a dependency between rows
    final int[] lows = new int[n];
    for (int k = 0; k < n; k++) {
      lows[k] = (int) (field(local, lowAt) & lowMask);
      lowAt += low;
    }
    // a high part at most this is below U whatever its low part
    final long safeHigh = ((rowLimit - 1L) >>> low) - 1;
    int word = (int) (highStart >>> 6);
    long bits = local[word] & (-1L << (highStart & 63));
    int i = 0;
    long previous = -1;
    while (true) {
      if (word == lastWord && (highEnd & 63) != 0) {
        bits &= (1L << (highEnd & 63)) - 1;
      }
      // the high part of a one bit at offset t of this word: its place past highStart minus the rows before it
      final long wordBase = ((long) word << 6) - highStart;
      if (i + Long.bitCount(bits) <= n && wordBase + 63 - i <= safeHigh) {
        // every row of this word is below U: no check per row. Rows come out non-decreasing by
        // construction; only hostile bytes can repeat one, which sets its bit again (bitmap and
        // verify refuse such a list)
        long highBase = wordBase - i;
        while (bits != 0) {
          final long row = ((highBase + Long.numberOfTrailingZeros(bits)) << low) | lows[i];
          words[(int) (row >>> 6)] |= 1L << row;
          previous = row;
          highBase--;
          i++;
          bits &= bits - 1;
        }
      } else {
        while (bits != 0 && i < n) {
          final long row = ((wordBase + Long.numberOfTrailingZeros(bits) - i) << low) | lows[i];
          if (row <= previous || row >= rowLimit) {
            throw fail(thing, id, "list row[" + i + "]=" + row + " is not above " + previous + " or not below rowLimit="
                + rowLimit);
          }
          words[(int) (row >>> 6)] |= 1L << row;
          previous = row;
          i++;
          bits &= bits - 1;
        }
      }
      if (i == n || word == lastWord) {
        break;
      }
      bits = local[++word];
    }
    if (i < n) {
      throw fail(thing, id, "list of n=" + n + " rows at bit=" + at + " has only " + i + " high marks");
    }
    return listEnd;
  }

  /** The 64 bits of {@code words} from bit {@code at}; the word after it must exist. */
  private static long field(long[] words, long at) {
    final int index = (int) (at >>> 6);
    final int shift = (int) (at & 63);
    // (x << 1) << (63 - shift) is x << (64 - shift), and 0 when shift is 0 (a shift by 64 would not be)
    return (words[index] >>> shift) | ((words[index + 1] << 1) << (63 - shift));
  }

  /** At least 56 valid bits of {@code bytes} from bit {@code at}; callers leave 8 bytes of slack. */
  private static long window(byte[] bytes, long at) {
    return (long) LONG_IN_ARRAY.get(bytes, (int) (at >>> 3)) >>> (at & 7);
  }

  /** At least 56 valid bits of the stream from bit {@code at}; the slack word keeps it in bounds. */
  static long window(MemorySegment stream, long streamStart, long at) {
    return stream.get(LONG, streamStart + (at >>> 3)) >>> (at & 7);
  }

  private static BitmapFormatException fail(String thing, int id, String problem) {
    return new BitmapFormatException(thing + " id=" + id + ": " + problem);
  }
}
