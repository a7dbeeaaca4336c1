package io.nemeton.codecs.internal;

/**
 * Sizes of a bit-packed value stream. Values are offsets from a frame of reference, each {@code
 * width} bits (0..64).
 *
 * <p>Widths 1..32 use a lane-interleaved ("vertical") layout so that one 256-bit vector load yields
 * eight consecutive values: the stream is cut into groups of {@link #GROUP_VALUES} values; in a
 * group, value {@code 8*m + j} belongs to lane {@code j} (0..7) at bit {@code m*width} of that
 * lane's bit string, and the lane bit strings are stored as 32-bit little-endian words interleaved
 * lane by lane: word {@code k} of lane {@code j} sits at byte {@code 4*(8*k + j)} of the group. A
 * group therefore takes {@code 32*width} bytes. The values after the last whole group (the tail,
 * fewer than 256) and all values of widths 33..64 use the plain ("horizontal") layout: value
 * {@code i} at bit {@code i*width} of a little-endian bit string stored as 64-bit little-endian
 * words, padded to a whole word. Width 0 takes no bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class PackedLayout {
  public static final int LANES = 8;
  public static final int GROUP_VALUES = 256;
  /** Bytes one lane word row (eight 32-bit words) takes. */
  public static final int ROW_BYTES = 32;
  /** The widest width stored in the lane-interleaved layout. */
  public static final int MAX_LANE_WIDTH = 32;

  private PackedLayout() {}

  /** Bytes a stream of {@code count} values of {@code width} bits takes. */
  public static long packedBytes(int count, int width) {
    if (width == 0) {
      return 0;
    }
    if (width > MAX_LANE_WIDTH) {
      return horizontalBytes(count, width);
    }
    long groups = count / GROUP_VALUES;
    return groups * groupBytes(width) + horizontalBytes(count % GROUP_VALUES, width);
  }

  /** Bytes one whole group of 256 lane-interleaved values of {@code width} bits takes. */
  public static long groupBytes(int width) {
    return (long) width * ROW_BYTES;
  }

  /** Bytes a horizontal stream of {@code count} values of {@code width} bits takes (whole 64-bit words). */
  public static long horizontalBytes(int count, int width) {
    return (((long) count * width + 63) >>> 6) << 3;
  }

  /** Bits needed to hold the unsigned value {@code range}: 0 for 0, 64 for negative. */
  public static int widthOf(long range) {
    return 64 - Long.numberOfLeadingZeros(range);
  }
}
