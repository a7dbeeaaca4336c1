package io.nemeton.codecs.internal;

import io.nemeton.memory.GrowableBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes a bit-packed stream in {@link PackedLayout}: {@code values[i] - base} (taken as an unsigned
 * {@code width}-bit number) for every value. The encode side: allocates nothing when given a group
 * scratch array ({@code width * 8} ints at least), else one small array per call. Stateless and
 * thread-safe.
 */
public final class BitPacker {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private BitPacker() {}

  /** Appends the packed stream of {@code values[0, count)} minus {@code base}; returns bytes written. */
  public static int pack(long[] values, int count, long base, int width, GrowableBytes out) {
    return pack(values, count, base, width, out, new int[Math.clamp(width, 0, PackedLayout.MAX_LANE_WIDTH)
        * PackedLayout.LANES]);
  }

  /**
   * As {@link #pack(long[], int, long, int, GrowableBytes)}, with {@code groupWords} (at least
   * {@code min(width, 32) * 8} ints, contents ignored) as the scratch of one group.
   */
  public static int pack(long[] values, int count, long base, int width, GrowableBytes out, int[] groupWords) {
    if (width < 0 || width > 64) {
      throw new IllegalArgumentException("bit width=" + width + " outside 0..64");
    }
    int start = out.size();
    if (width == 0) {
      return 0;
    }
    if (width > PackedLayout.MAX_LANE_WIDTH) {
      packHorizontal(values, 0, count, base, width, out);
      return out.size() - start;
    }
    final int groups = count / PackedLayout.GROUP_VALUES;
    final int[] words = groupWords;
    final int wordCount = width * PackedLayout.LANES;
    if (words.length < wordCount) {
      throw new IllegalArgumentException("group scratch length=" + words.length + " below " + wordCount
          + " for bit width=" + width);
    }
    for (int g = 0; g < groups; g++) {
      java.util.Arrays.fill(words, 0, wordCount, 0);
      final int first = g * PackedLayout.GROUP_VALUES;
      for (int m = 0; m < 32; m++) {
        final int bit = m * width;
        final int word = bit >>> 5;
        final int shift = bit & 31;
        final int low = word * PackedLayout.LANES;
        final int row = first + m * PackedLayout.LANES;
        // the straddle test is per value index, not per lane: decided once for the eight lanes
        if (shift + width > 32) {
          final int high = low + PackedLayout.LANES;
          for (int lane = 0; lane < PackedLayout.LANES; lane++) {
            final int bits = (int) (values[row + lane] - base);
            words[low + lane] |= bits << shift;
            words[high + lane] |= bits >>> (32 - shift);
          }
        } else {
          for (int lane = 0; lane < PackedLayout.LANES; lane++) {
            words[low + lane] |= (int) (values[row + lane] - base) << shift;
          }
        }
      }
      // one capacity check per group, then plain stores
      final int at = out.skip(wordCount * 4);
      final byte[] array = out.array();
      for (int w = 0; w < wordCount; w++) {
        INT.set(array, at + 4 * w, words[w]);
      }
    }
    packHorizontal(values, groups * PackedLayout.GROUP_VALUES, count - groups * PackedLayout.GROUP_VALUES, base,
        width, out);
    return out.size() - start;
  }

  /** Appends {@code values[from, from+count)} minus {@code base} as a horizontal stream of 64-bit words. */
  public static void packHorizontal(long[] values, int from, int count, long base, int width, GrowableBytes out) {
    if (width == 0 || count == 0) {
      return;
    }
    final long mask = width == 64 ? -1L : (1L << width) - 1;
    // one capacity check for the whole stream, then plain stores
    int at = out.skip((int) PackedLayout.horizontalBytes(count, width));
    final byte[] array = out.array();
    long word = 0;
    int used = 0;
    for (int i = 0; i < count; i++) {
      final long offset = (values[from + i] - base) & mask;
      word |= offset << used;
      used += width;
      if (used >= 64) {
        LONG.set(array, at, word);
        at += 8;
        used -= 64;
        // the bits of this value that did not fit start the next word
        word = used == 0 ? 0 : offset >>> (width - used);
      }
    }
    if (used > 0) {
      LONG.set(array, at, word);
    }
  }
}
