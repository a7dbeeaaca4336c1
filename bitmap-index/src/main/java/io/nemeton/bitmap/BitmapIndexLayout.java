package io.nemeton.bitmap;

/**
 * The byte layout of an inverted index region: one Roaring bitmap per dictionary id, in id order.
 *
 * <pre>
 * offset                      size            field
 * 0                           4               magic "NBI1" (0x3149424E little-endian)
 * 4                           4               count: number of bitmaps = dictionary cardinality, >= 0
 * 8                           4 * (count + 1) offsets[]: start of bitmap i, relative to dataStart;
 *                                             offsets[0] = 0, non-decreasing,
 *                                             offsets[count] = length of the data section
 * dataStart = 12 + 4 * count  offsets[count]  bitmaps: bitmap i is bytes [offsets[i], offsets[i+1])
 *                                             in the portable Roaring format; zero bytes = empty
 * </pre>
 *
 * <p>All integers are little-endian int32. The region ends exactly at the end of the last bitmap.
 * An empty bitmap takes no bytes (a portable empty bitmap would take 8), which matters for
 * dictionaries whose null id has no rows. Bitmaps are packed without padding: the portable format
 * does not align containers inside a bitmap anyway, unaligned loads cost nothing measurable on
 * x86-64 and AArch64, and padding to 8 would add up to 7 bytes per dictionary value.
 *
 * <p>The offsets are int32, so the data section is below 2 GiB, which is also the limit of the
 * on-heap buffer a region is built in.
 */
public final class BitmapIndexLayout {
  /** "NBI1" read as a little-endian int32. */
  public static final int MAGIC = 0x3149424E;

  public static final int MAGIC_OFFSET = 0;
  public static final int COUNT_OFFSET = 4;
  public static final int OFFSETS_OFFSET = 8;
  public static final int OFFSET_ENTRY_BYTES = 4;

  /** The smallest region: magic, count 0 and the single offset 0. */
  public static final int MIN_REGION_BYTES = OFFSETS_OFFSET + OFFSET_ENTRY_BYTES;

  /** The largest count whose header fits in a region below 2 GiB. */
  public static final int MAX_COUNT = (Integer.MAX_VALUE - MIN_REGION_BYTES) / OFFSET_ENTRY_BYTES;

  private BitmapIndexLayout() {}

  /** Where the entry {@code offsets[index]} is, for index in {@code [0, count]}. */
  public static long offsetEntryAt(int index) {
    return OFFSETS_OFFSET + (long) OFFSET_ENTRY_BYTES * index;
  }

  /** Where the bitmap data starts for a region holding {@code count} bitmaps. */
  public static long dataStart(int count) {
    return OFFSETS_OFFSET + (long) OFFSET_ENTRY_BYTES * (count + 1L);
  }
}
