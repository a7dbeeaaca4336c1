package io.nemeton.codecs;

import io.nemeton.codecs.internal.BitPackedScalarDecoder;
import io.nemeton.codecs.internal.BitPackedVectorDecoder;
import io.nemeton.codecs.internal.BitPacker;
import io.nemeton.codecs.internal.BlockLayout;
import io.nemeton.codecs.internal.EncoderScratch;
import io.nemeton.codecs.internal.LongBlockEncoder;
import io.nemeton.codecs.internal.LongStatistics;
import io.nemeton.codecs.internal.PackedLayout;
import io.nemeton.codecs.internal.VectorSupport;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Blocks of ascending longs (a segment's sorted time column): each block is an Elias–Fano block
 * when that takes at most three quarters of the {@link LongBlockCodec} block (its decode costs about
 * twice a delta block's, so it must save a quarter to pay), else the long block. An Elias–Fano block whose first byte {@link #ELIAS_FANO_ID} lies
 * outside the {@link BlockEncoding} ids, so {@link #decode} tells the two apart and an older reader
 * of plain long blocks refuses it as an unknown encoding. Elias–Fano stores the block's first value,
 * then for each value's offset {@code x} from it the low {@code L} bits bit-packed ({@code
 * codecs/README.md} packed stream) and the rest in unary: value {@code i} sets bit {@code (x >>> L) +
 * i} of a stream of little-endian u64 words. Times a few milliseconds apart take about {@code 2 +
 * log2(mean gap)} bits a row, where a delta block takes the bit length of the largest gap.
 *
 * <pre>
 *  0     1       5             13       14             18
 *  +-----+-------+-------------+--------+--------------+-----------------------+------------------+
 *  | 80h | count | first (i64) | L (u8) | highWords u32| low bits: packed      | high words (u64) |
 *  +-----+-------+-------------+--------+--------------+-----------------------+------------------+
 * </pre>
 *
 * <p>Stateless and thread-safe. Encoding allocates nothing once {@code scratch} has grown; decoding
 * never allocates (except to throw), reads only inside {@code in} and writes only {@code
 * destination[0, count)}; a bad block throws {@link CodecException} naming the offset, the value
 * and its limit.
 */
public final class TimeBlockCodec {
  /** The first byte of an Elias–Fano block. */
  public static final int ELIAS_FANO_ID = 0x80;

  private static final String KIND = "time block";
  private static final int FIRST_OFFSET = BlockLayout.HEADER_BYTES;
  private static final int LOW_WIDTH_OFFSET = FIRST_OFFSET + 8;
  private static final int HIGH_WORDS_OFFSET = LOW_WIDTH_OFFSET + 1;
  /** Bytes before the low bits. */
  public static final int ELIAS_FANO_HEADER_BYTES = HIGH_WORDS_OFFSET + 4;
  /** The widest low part: wider ones would not be smaller than a plain long block. */
  public static final int MAX_LOW_WIDTH = 62;

  private TimeBlockCodec() {}

  /**
   * Appends {@code values[0, count)} as an Elias–Fano block when the values ascend and that takes at
   * most three quarters of the {@link LongBlockCodec} block, else as the long block; returns bytes
   * written.
   */
  public static int encode(long[] values, int count, GrowableBytes out, BlockEncoderScratch scratch) {
    LongBlockEncoder.checkArguments(values.length, count, KIND);
    final EncoderScratch arrays = scratch.arrays();
    final LongStatistics statistics = arrays.statistics().compute(values, count);
    final BlockEncoding plain = LongBlockEncoder.choose(statistics);
    final long plainBytes = LongBlockEncoder.encodedBytes(statistics, plain);
    final int lowWidth = ascending(values, count) ? lowWidth(values[count - 1] - values[0], count) : -1;
    // an Elias–Fano block decodes at about twice the cost of a delta block (a loop step per row for
    // the unary part), and time is decoded by every query bucketing by time: it must save a quarter
    if (lowWidth >= 0 && 4 * eliasFanoBytes(values[count - 1] - values[0], count, lowWidth) <= 3 * plainBytes) {
      return writeEliasFano(values, count, lowWidth, out, arrays);
    }
    return LongBlockEncoder.write(values, count, statistics, plain, out, arrays);
  }

  /** Bytes an Elias–Fano block of {@code count} values spanning {@code range} takes with {@code lowWidth}. */
  public static long eliasFanoBytes(long range, int count, int lowWidth) {
    return ELIAS_FANO_HEADER_BYTES + PackedLayout.packedBytes(count, lowWidth) + 8L * highWords(range, count, lowWidth);
  }

  /** Whether the block at {@code offset} is Elias–Fano coded (else it is a {@link LongBlockCodec} block). */
  public static boolean isEliasFano(MemorySegment in, long offset) {
    if (offset < 0 || offset >= in.byteSize()) {
      throw new CodecException(KIND + " at offset=" + offset + ": outside segment size=" + in.byteSize());
    }
    return Byte.toUnsignedInt(in.get(BlockLayout.BYTE, offset)) == ELIAS_FANO_ID;
  }

  /** Number of values in the block at {@code offset}; checks the header. */
  public static int valueCount(MemorySegment in, long offset) {
    if (!isEliasFano(in, offset)) {
      return LongBlockCodec.valueCount(in, offset);
    }
    requireLength(in, offset, ELIAS_FANO_HEADER_BYTES);
    final int count = in.get(BlockLayout.INT, offset + BlockLayout.COUNT_OFFSET);
    if (count < 1 || count > BlockLayout.MAX_VALUES) {
      throw new CodecException(KIND + " at offset=" + offset + ": Elias-Fano value count=" + count + " outside 1.."
          + BlockLayout.MAX_VALUES);
    }
    return count;
  }

  /**
   * Decodes the block at {@code offset} into {@code destination[0, count)}; returns count.
   *
   * @throws CodecException when the block is not valid, lies partly outside {@code in}, or holds
   *     more values than {@code destination}
   */
  public static int decode(MemorySegment in, long offset, long[] destination) {
    return decode(in, offset, destination, VectorSupport.ENABLED);
  }

  /** As {@link #decode(MemorySegment, long, long[])}, with the scalar low-bit kernel when {@code vector} is false. */
  public static int decode(MemorySegment in, long offset, long[] destination, boolean vector) {
    if (!isEliasFano(in, offset)) {
      return LongBlockCodec.decode(in, offset, destination);
    }
    final int count = valueCount(in, offset);
    if (count > destination.length) {
      throw new CodecException(KIND + " at offset=" + offset + ": value count=" + count
          + " exceeds destination length=" + destination.length);
    }
    final long first = in.get(BlockLayout.LONG, offset + FIRST_OFFSET);
    final int lowWidth = Byte.toUnsignedInt(in.get(BlockLayout.BYTE, offset + LOW_WIDTH_OFFSET));
    final long words = Integer.toUnsignedLong(in.get(BlockLayout.INT, offset + HIGH_WORDS_OFFSET));
    if (lowWidth > MAX_LOW_WIDTH) {
      throw new CodecException(KIND + " at offset=" + offset + ": low bit width=" + lowWidth + " exceeds limit="
          + MAX_LOW_WIDTH);
    }
    final long lowOffset = offset + ELIAS_FANO_HEADER_BYTES;
    final long highOffset = lowOffset + PackedLayout.packedBytes(count, lowWidth);
    requireLength(in, offset, highOffset - offset + 8 * words);
    if (vector) {
      BitPackedVectorDecoder.toLongs(in, lowOffset, count, lowWidth, first, destination);
    } else {
      BitPackedScalarDecoder.toLongs(in, lowOffset, count, lowWidth, first, destination);
    }
    // each one bit at position p is value i's high part p - i; a word's ones are counted before any is
    // written, so hostile words never write past count
    int i = 0;
    final long end = highOffset + 8 * words;
    long wordStart = 0;
    for (long at = highOffset; at < end; at += 8, wordStart += 64) {
      long word = in.get(BlockLayout.LONG, at);
      final int ones = Long.bitCount(word);
      if (ones > count - i) {
        throw new CodecException(KIND + " at offset=" + offset + ": high bits hold more ones than count=" + count);
      }
      final long start = wordStart - i;
      for (int k = 0; k < ones; k++) {
        destination[i + k] += (start - k + Long.numberOfTrailingZeros(word)) << lowWidth;
        word &= word - 1;
      }
      i += ones;
    }
    if (i != count) {
      throw new CodecException(KIND + " at offset=" + offset + ": high bits hold ones=" + i + " expected count="
          + count);
    }
    return count;
  }

  private static void requireLength(MemorySegment in, long offset, long length) {
    if (length > in.byteSize() - offset) {
      throw new CodecException(KIND + " at offset=" + offset + ": Elias-Fano block needs bytes=" + length
          + " but segment has bytes=" + (in.byteSize() - offset));
    }
  }

  private static boolean ascending(long[] values, int count) {
    if (count == 0) {
      return false;
    }
    long previous = values[0];
    boolean ascending = true;
    for (int i = 1; i < count; i++) {
      final long value = values[i];
      ascending &= value >= previous;
      previous = value;
    }
    // the offsets from the first value must not overflow
    return ascending && values[count - 1] - values[0] >= 0;
  }

  /** The low width that makes the block smallest. */
  private static int lowWidth(long range, int count) {
    int best = 0;
    long bestBits = Long.MAX_VALUE;
    for (int width = 0; width <= MAX_LOW_WIDTH; width++) {
      final long bits = 8 * PackedLayout.packedBytes(count, width) + 64 * highWords(range, count, width);
      if (bits < bestBits) {
        bestBits = bits;
        best = width;
      }
    }
    return best;
  }

  private static long highWords(long range, int count, int lowWidth) {
    return ((range >>> lowWidth) + count + 63) >>> 6;
  }

  private static int writeEliasFano(long[] values, int count, int lowWidth, GrowableBytes out,
      EncoderScratch arrays) {
    final int start = out.size();
    final long first = values[0];
    final long range = values[count - 1] - first;
    final long words = highWords(range, count, lowWidth);
    out.writeByte(ELIAS_FANO_ID);
    out.writeInt(count);
    out.writeLong(first);
    out.writeByte(lowWidth);
    out.writeInt((int) words);
    final long[] lows = arrays.scaled(count);
    final long mask = lowWidth == 0 ? 0 : -1L >>> (64 - lowWidth);
    for (int i = 0; i < count; i++) {
      lows[i] = (values[i] - first) & mask;
    }
    BitPacker.pack(lows, count, 0, lowWidth, out, arrays.groupWords());
    final int highStart = out.size();
    out.ensureCapacity((int) (8 * words));
    out.skip((int) (8 * words));
    final byte[] bytes = out.array();
    Arrays.fill(bytes, highStart, highStart + (int) (8 * words), (byte) 0);
    for (int i = 0; i < count; i++) {
      final long position = ((values[i] - first) >>> lowWidth) + i;
      final int at = highStart + (int) (position >>> 3);
      bytes[at] |= (byte) (1 << (position & 7));
    }
    return out.size() - start;
  }
}
