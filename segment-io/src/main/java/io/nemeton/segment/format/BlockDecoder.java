package io.nemeton.segment.format;

import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.DoubleBlockCodec;
import io.nemeton.codecs.FloatBlockCodec;
import io.nemeton.codecs.IntBlockCodec;
import io.nemeton.codecs.LongBlockCodec;
import io.nemeton.codecs.TimeBlockCodec;
import java.lang.foreign.MemorySegment;

/**
 * Decodes one codec block of a verified region into a batch, after checking that the block holds
 * the number of values its directory promises; any decoding failure becomes a {@link
 * SegmentCorruptException} naming the region and block. The codecs read only inside the region's
 * mapping, so a bad block cannot reach other memory.
 *
 * <p>Stateless and thread-safe; allocates nothing unless it throws.
 */
final class BlockDecoder {
  private BlockDecoder() {}

  static void longs(Region region, MemorySegment data, int block, long offset, int expected, long[] destination) {
    try {
      check(region, block, LongBlockCodec.valueCount(data, offset), expected);
      LongBlockCodec.decode(data, offset, destination);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  /** As {@link #longs}, for a time column of format version 4 on (Elias–Fano or plain long blocks). */
  static void times(Region region, MemorySegment data, int block, long offset, int expected, long[] destination) {
    try {
      check(region, block, TimeBlockCodec.valueCount(data, offset), expected);
      TimeBlockCodec.decode(data, offset, destination);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  static long sumLongs(Region region, MemorySegment data, int block, long offset, int expected, int from, int to,
      long[] scratch) {
    try {
      check(region, block, LongBlockCodec.valueCount(data, offset), expected);
      return LongBlockCodec.sumRange(data, offset, from, to, scratch);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  static void addDoubleLanes(Region region, MemorySegment data, int block, long offset, int expected, int from,
      int to, double[] scratch, double[] lanes) {
    try {
      check(region, block, DoubleBlockCodec.valueCount(data, offset), expected);
      DoubleBlockCodec.addLaneSums(data, offset, from, to, scratch, lanes);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  static void floats(Region region, MemorySegment data, int block, long offset, int expected, float[] destination) {
    try {
      check(region, block, FloatBlockCodec.valueCount(data, offset), expected);
      FloatBlockCodec.decode(data, offset, destination);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  static void doubles(Region region, MemorySegment data, int block, long offset, int expected,
      double[] destination) {
    try {
      check(region, block, DoubleBlockCodec.valueCount(data, offset), expected);
      DoubleBlockCodec.decode(data, offset, destination);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  static void ints(Region region, MemorySegment data, int block, long offset, int expected, int[] destination) {
    try {
      check(region, block, IntBlockCodec.valueCount(data, offset), expected);
      IntBlockCodec.decode(data, offset, destination);
    } catch (CodecException | IndexOutOfBoundsException e) {
      throw failure(region, block, e);
    }
  }

  private static void check(Region region, int block, int count, int expected) {
    if (count != expected) {
      throw region.corrupt("block=" + block + ": value count=" + count + " expected=" + expected);
    }
  }

  private static SegmentCorruptException failure(Region region, int block, RuntimeException e) {
    return new SegmentCorruptException(region.file(), region.name(), "block=" + block + ": cannot decode: " + e, e);
  }
}
