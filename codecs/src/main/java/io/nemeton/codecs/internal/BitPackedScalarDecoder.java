package io.nemeton.codecs.internal;

import static io.nemeton.codecs.internal.BlockLayout.INT;
import static io.nemeton.codecs.internal.BlockLayout.LONG;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Scalar decoder of {@link PackedLayout} streams: adds the frame of reference and writes a primitive
 * batch. The reference the vector decoder is tested against, and the decoder used where vectors are
 * off.
 *
 * <p>Stateless and thread-safe; never allocates. Callers have checked that the stream lies inside
 * {@code in} and that {@code destination} holds {@code count} values.
 */
public final class BitPackedScalarDecoder {
  private BitPackedScalarDecoder() {}

  /** Decodes {@code count} values of {@code width} (0..32) bits plus {@code base} into {@code destination}. */
  public static void toInts(MemorySegment in, long dataOffset, int count, int width, int base, int[] destination) {
    if (width == 0) {
      Arrays.fill(destination, 0, count, base);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final int mask = width == 32 ? -1 : (1 << width) - 1;
    for (int g = 0; g < groups; g++) {
      final long groupOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      for (int lane = 0; lane < PackedLayout.LANES; lane++) {
        long wordOffset = groupOffset + 4L * lane;
        int current = in.get(INT, wordOffset);
        int shift = 0;
        for (int m = 0; m < 32; m++) {
          int value = current >>> shift;
          shift += width;
          if (shift >= 32 && m < 31) {
            shift -= 32;
            wordOffset += PackedLayout.ROW_BYTES;
            current = in.get(INT, wordOffset);
            if (shift > 0) {
              value |= current << (width - shift);
            }
          }
          destination[first + (m << 3) + lane] = (value & mask) + base;
        }
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = (int) readHorizontal(in, tailOffset, i - done, width) + base;
    }
  }

  /** Decodes {@code count} values of {@code width} (0..64) bits plus {@code base} into {@code destination}. */
  public static void toLongs(MemorySegment in, long dataOffset, int count, int width, long base,
      long[] destination) {
    if (width == 0) {
      Arrays.fill(destination, 0, count, base);
      return;
    }
    if (width > PackedLayout.MAX_LANE_WIDTH) {
      horizontalToLongs(in, dataOffset, count, width, base, destination);
      return;
    }
    final int groups = count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final long mask = (1L << width) - 1;
    for (int g = 0; g < groups; g++) {
      final long groupOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      for (int lane = 0; lane < PackedLayout.LANES; lane++) {
        long wordOffset = groupOffset + 4L * lane;
        int current = in.get(INT, wordOffset);
        int shift = 0;
        for (int m = 0; m < 32; m++) {
          int value = current >>> shift;
          shift += width;
          if (shift >= 32 && m < 31) {
            shift -= 32;
            wordOffset += PackedLayout.ROW_BYTES;
            current = in.get(INT, wordOffset);
            if (shift > 0) {
              value |= current << (width - shift);
            }
          }
          destination[first + (m << 3) + lane] = (value & mask) + base;
        }
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = readHorizontal(in, tailOffset, i - done, width) + base;
    }
  }

  /**
   * Decodes {@code count} decimal-scaled values: {@code (double) (base + packed) / divisor}. The
   * caller has checked that every {@code base + packed} is exact in a double (|x| <= 2^53).
   */
  public static void toDoubles(MemorySegment in, long dataOffset, int count, int width, long base, double divisor,
      double[] destination) {
    final int groups = width == 0 || width > PackedLayout.MAX_LANE_WIDTH ? 0 : count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final long mask = (1L << width) - 1;
    for (int g = 0; g < groups; g++) {
      final long groupOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      for (int lane = 0; lane < PackedLayout.LANES; lane++) {
        long wordOffset = groupOffset + 4L * lane;
        int current = in.get(INT, wordOffset);
        int shift = 0;
        for (int m = 0; m < 32; m++) {
          int value = current >>> shift;
          shift += width;
          if (shift >= 32 && m < 31) {
            shift -= 32;
            wordOffset += PackedLayout.ROW_BYTES;
            current = in.get(INT, wordOffset);
            if (shift > 0) {
              value |= current << (width - shift);
            }
          }
          final long packed = value & mask;
          destination[first + (m << 3) + lane] = (double) (base + packed) / divisor;
        }
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = (double) (base + readHorizontal(in, tailOffset, i - done, width)) / divisor;
    }
  }

  /** Decodes {@code count} decimal-scaled floats: {@code (float) ((double) (base + packed) / divisor)}. */
  public static void toFloats(MemorySegment in, long dataOffset, int count, int width, long base, double divisor,
      float[] destination) {
    final int groups = width == 0 || width > PackedLayout.MAX_LANE_WIDTH ? 0 : count >>> 8;
    final long groupBytes = PackedLayout.groupBytes(width);
    final long mask = (1L << width) - 1;
    for (int g = 0; g < groups; g++) {
      final long groupOffset = dataOffset + g * groupBytes;
      final int first = g << 8;
      for (int lane = 0; lane < PackedLayout.LANES; lane++) {
        long wordOffset = groupOffset + 4L * lane;
        int current = in.get(INT, wordOffset);
        int shift = 0;
        for (int m = 0; m < 32; m++) {
          int value = current >>> shift;
          shift += width;
          if (shift >= 32 && m < 31) {
            shift -= 32;
            wordOffset += PackedLayout.ROW_BYTES;
            current = in.get(INT, wordOffset);
            if (shift > 0) {
              value |= current << (width - shift);
            }
          }
          final long packed = value & mask;
          destination[first + (m << 3) + lane] = (float) ((double) (base + packed) / divisor);
        }
      }
    }
    final int done = groups << 8;
    final long tailOffset = dataOffset + groups * groupBytes;
    for (int i = done; i < count; i++) {
      destination[i] = (float) ((double) (base + readHorizontal(in, tailOffset, i - done, width)) / divisor);
    }
  }

  /** The unsigned value {@code index} of the horizontal stream at {@code streamOffset}. */
  public static long readHorizontal(MemorySegment in, long streamOffset, int index, int width) {
    if (width == 0) {
      return 0;
    }
    final long bit = (long) index * width;
    final long wordOffset = streamOffset + ((bit >>> 6) << 3);
    final int shift = (int) (bit & 63);
    long value = in.get(LONG, wordOffset) >>> shift;
    if (shift + width > 64) {
      value |= in.get(LONG, wordOffset + 8) << (64 - shift);
    }
    return width == 64 ? value : value & ((1L << width) - 1);
  }

  private static void horizontalToLongs(MemorySegment in, long streamOffset, int count, int width, long base,
      long[] destination) {
    final long mask = width == 64 ? -1L : (1L << width) - 1;
    long bit = 0;
    for (int i = 0; i < count; i++) {
      final long wordOffset = streamOffset + ((bit >>> 6) << 3);
      final int shift = (int) (bit & 63);
      long value = in.get(LONG, wordOffset) >>> shift;
      if (shift + width > 64) {
        value |= in.get(LONG, wordOffset + 8) << (64 - shift);
      }
      destination[i] = (value & mask) + base;
      bit += width;
    }
  }
}
