package io.nemeton.codecs.internal;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.memory.GrowableBytes;

/**
 * Encodes blocks of longs (and, widened, of ints): sizes every applicable encoding from {@link
 * LongStatistics}, picks the smallest (ties to the faster decode: constant, raw, bit-packed,
 * run-length, delta) and writes it. The write side: its scratch comes from the caller's {@link
 * EncoderScratch}. Stateless and thread-safe.
 */
public final class LongBlockEncoder {
  /** Tie order: earlier decodes faster. */
  private static final BlockEncoding[] PREFERENCE = {
      BlockEncoding.CONSTANT, BlockEncoding.RAW, BlockEncoding.BIT_PACKED, BlockEncoding.RUN_LENGTH,
      BlockEncoding.DELTA};

  /** Bytes of the fixed fields after the common header. */
  static final int BIT_PACKED_FIELDS = 8 + 1;
  static final int DELTA_FIELDS = 8 + 8 + 1;
  static final int RUN_LENGTH_FIELDS = 4 + 8 + 1 + 1;

  private LongBlockEncoder() {}

  /** Checks the arguments every encode entry point shares. */
  public static void checkArguments(int valuesLength, int count, String kind) {
    if (count < 0 || count > valuesLength || count > BlockLayout.MAX_VALUES) {
      throw new IllegalArgumentException(kind + ": count=" + count + " outside 0..min(values.length="
          + valuesLength + ", " + BlockLayout.MAX_VALUES + ")");
    }
  }

  /** The smallest encoding for a block, with run-length only where runs are long. */
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
      case RAW -> BlockLayout.HEADER_BYTES + 8L * count;
      case CONSTANT -> statistics.constant ? BlockLayout.HEADER_BYTES + 8 : -1;
      case BIT_PACKED -> BlockLayout.HEADER_BYTES + BIT_PACKED_FIELDS
          + PackedLayout.packedBytes(count, statistics.width());
      case DELTA -> BlockLayout.HEADER_BYTES + DELTA_FIELDS + PackedLayout.packedBytes(count, statistics.deltaWidth());
      case RUN_LENGTH -> BlockLayout.HEADER_BYTES + RUN_LENGTH_FIELDS + RunLengthEncoder.streamBytes(statistics);
      case DECIMAL -> -1;
    };
  }

  /** Writes {@code values[0, count)} in {@code encoding}, which must apply; returns bytes written. */
  public static int write(long[] values, int count, LongStatistics statistics, BlockEncoding encoding,
      GrowableBytes out, EncoderScratch scratch) {
    final int start = out.size();
    out.writeByte(encoding.id());
    out.writeInt(count);
    switch (encoding) {
      case RAW -> {
        for (int i = 0; i < count; i++) {
          out.writeLong(values[i]);
        }
      }
      case CONSTANT -> out.writeLong(count == 0 ? 0 : values[0]);
      case BIT_PACKED -> {
        final int width = statistics.width();
        out.writeLong(statistics.min);
        out.writeByte(width);
        BitPacker.pack(values, count, statistics.min, width, out, scratch.groupWords());
      }
      case DELTA -> writeDelta(values, count, statistics, out, scratch);
      case RUN_LENGTH -> {
        out.writeInt(statistics.runs);
        out.writeLong(statistics.min);
        out.writeByte(statistics.width());
        out.writeByte(statistics.runLengthWidth());
        RunLengthEncoder.writeStreams(values, count, statistics, out, scratch);
      }
      case DECIMAL -> throw new IllegalArgumentException("encoding=DECIMAL does not apply to integer blocks");
    }
    return out.size() - start;
  }

  private static void writeDelta(long[] values, int count, LongStatistics statistics, GrowableBytes out,
      EncoderScratch scratch) {
    // The first value is stored as start = v0 - deltaMin so that its own packed offset is 0 and the
    // decoder runs one prefix sum over all values: v[i] = start + sum(packed[0..i] + deltaMin).
    final long deltaMin = statistics.deltaMin;
    final int width = statistics.deltaWidth();
    final long[] deltas = scratch.deltas(count);
    if (count > 0) {
      deltas[0] = deltaMin;
    }
    for (int i = 1; i < count; i++) {
      deltas[i] = values[i] - values[i - 1];
    }
    out.writeLong(count == 0 ? 0 : values[0] - deltaMin);
    out.writeLong(deltaMin);
    out.writeByte(width);
    BitPacker.pack(deltas, count, deltaMin, width, out, scratch.groupWords());
  }
}
