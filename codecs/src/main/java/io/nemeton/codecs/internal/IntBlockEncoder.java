package io.nemeton.codecs.internal;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.memory.GrowableBytes;

/**
 * Encodes blocks of ints: widens them to longs once so that statistics, bit-packing and run-length
 * are shared with longs, sizes every applicable int encoding and writes the smallest (ties: constant,
 * raw, bit-packed, run-length). The write side: its scratch comes from the caller's {@link
 * EncoderScratch}. Stateless and thread-safe.
 */
public final class IntBlockEncoder {
  private static final BlockEncoding[] PREFERENCE = {
      BlockEncoding.CONSTANT, BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.RUN_LENGTH};

  /** Bytes of the fixed bit-packed fields after the common header: i32 base, u8 width. */
  static final int BIT_PACKED_FIELDS = 4 + 1;

  private IntBlockEncoder() {}

  /** The values widened to longs in {@code scratch}, for {@link LongStatistics} and the writers. */
  public static long[] widen(int[] values, int count, EncoderScratch scratch) {
    final long[] wide = scratch.wide(count);
    for (int i = 0; i < count; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  /** The smallest int encoding, with run-length only where runs are long. */
  public static BlockEncoding choose(LongStatistics statistics) {
    BlockEncoding best = null;
    long bestBytes = Long.MAX_VALUE;
    for (BlockEncoding candidate : PREFERENCE) {
      if (candidate == BlockEncoding.RUN_LENGTH && !statistics.runsAreLong()) {
        continue;
      }
      final long bytes = encodedBytes(statistics, candidate);
      if (bytes >= 0 && bytes < bestBytes) {
        best = candidate;
        bestBytes = bytes;
      }
    }
    return best;
  }

  /** Bytes the block takes in {@code encoding} (header included), or -1 when it does not apply. */
  public static long encodedBytes(LongStatistics statistics, BlockEncoding encoding) {
    final int count = statistics.count;
    return switch (encoding) {
      case RAW -> BlockLayout.HEADER_BYTES + 4L * count;
      case CONSTANT -> statistics.constant ? BlockLayout.HEADER_BYTES + 4 : -1;
      case BIT_PACKED -> BlockLayout.HEADER_BYTES + BIT_PACKED_FIELDS
          + PackedLayout.packedBytes(count, statistics.width());
      case RUN_LENGTH -> BlockLayout.HEADER_BYTES + LongBlockEncoder.RUN_LENGTH_FIELDS
          + RunLengthEncoder.streamBytes(statistics);
      case DELTA, DECIMAL -> -1;
    };
  }

  /** Writes the widened {@code values[0, count)} in {@code encoding}, which must apply; returns bytes written. */
  public static int write(long[] wide, int count, LongStatistics statistics, BlockEncoding encoding,
      GrowableBytes out, EncoderScratch scratch) {
    final int start = out.size();
    out.writeByte(encoding.id());
    out.writeInt(count);
    switch (encoding) {
      case RAW -> {
        for (int i = 0; i < count; i++) {
          out.writeInt((int) wide[i]);
        }
      }
      case CONSTANT -> out.writeInt(count == 0 ? 0 : (int) wide[0]);
      case BIT_PACKED -> {
        final int width = statistics.width();
        out.writeInt((int) statistics.min);
        out.writeByte(width);
        BitPacker.pack(wide, count, statistics.min, width, out, scratch.groupWords());
      }
      case RUN_LENGTH -> {
        out.writeInt(statistics.runs);
        out.writeLong(statistics.min);
        out.writeByte(statistics.width());
        out.writeByte(statistics.runLengthWidth());
        RunLengthEncoder.writeStreams(wide, count, statistics, out, scratch);
      }
      case DELTA, DECIMAL -> throw new IllegalArgumentException("encoding=" + encoding + " does not apply to int blocks");
    }
    return out.size() - start;
  }
}
