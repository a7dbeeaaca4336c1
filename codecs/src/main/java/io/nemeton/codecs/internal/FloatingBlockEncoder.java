package io.nemeton.codecs.internal;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.memory.GrowableBytes;

/**
 * Encodes blocks of doubles and floats: raw, constant (equal bit patterns) or decimal-scaled with a
 * frame of reference and bit-packing, whichever is smallest (ties: constant, raw, decimal). The
 * write side: its scratch comes from the caller's {@link EncoderScratch}. Stateless and thread-safe.
 */
public final class FloatingBlockEncoder {
  private FloatingBlockEncoder() {}

  /** Encodes doubles; {@code forced} null picks the smallest. Returns bytes written. */
  public static int encodeDoubles(double[] values, int count, BlockEncoding forced, GrowableBytes out,
      EncoderScratch scratch) {
    LongBlockEncoder.checkArguments(values.length, count, "double block");
    final long[] bits = scratch.wide(count);
    for (int i = 0; i < count; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    final long[] scaled = scratch.scaled(count);
    final int exponent = DecimalScaling.scaleDoubles(values, count, scaled);
    final BlockEncoding encoding = pick(bits, scaled, count, exponent, 8, forced, "double block", scratch);
    return write(bits, scaled, count, exponent, 8, encoding, out, scratch);
  }

  /** Encodes floats; {@code forced} null picks the smallest. Returns bytes written. */
  public static int encodeFloats(float[] values, int count, BlockEncoding forced, GrowableBytes out,
      EncoderScratch scratch) {
    LongBlockEncoder.checkArguments(values.length, count, "float block");
    final long[] bits = scratch.wide(count);
    for (int i = 0; i < count; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    final long[] scaled = scratch.scaled(count);
    final int exponent = DecimalScaling.scaleFloats(values, count, scaled);
    final BlockEncoding encoding = pick(bits, scaled, count, exponent, 4, forced, "float block", scratch);
    return write(bits, scaled, count, exponent, 4, encoding, out, scratch);
  }

  private static BlockEncoding pick(long[] bits, long[] scaled, int count, int exponent, int valueBytes,
      BlockEncoding forced, String kind, EncoderScratch scratch) {
    final long rawBytes = BlockLayout.HEADER_BYTES + (long) valueBytes * count;
    final long constantBytes = isConstant(bits, count) ? BlockLayout.HEADER_BYTES + valueBytes : -1;
    final long decimalBytes = exponent < 0 ? -1
        : BlockLayout.HEADER_BYTES + DecimalScaling.FIELDS
            + PackedLayout.packedBytes(count, scratch.statistics().computeWithoutDeltas(scaled, count).width());
    if (forced != null) {
      final long bytes = switch (forced) {
        case RAW -> rawBytes;
        case CONSTANT -> constantBytes;
        case DECIMAL -> decimalBytes;
        case BIT_PACKED, DELTA, RUN_LENGTH -> -1;
      };
      if (bytes < 0) {
        throw new IllegalArgumentException(kind + ": encoding=" + forced + " does not apply to these values");
      }
      return forced;
    }
    BlockEncoding best = BlockEncoding.RAW;
    long bestBytes = rawBytes;
    if (constantBytes >= 0 && constantBytes <= bestBytes) {
      best = BlockEncoding.CONSTANT;
      bestBytes = constantBytes;
    }
    if (decimalBytes >= 0 && decimalBytes < bestBytes) {
      best = BlockEncoding.DECIMAL;
    }
    return best;
  }

  private static int write(long[] bits, long[] scaled, int count, int exponent, int valueBytes,
      BlockEncoding encoding, GrowableBytes out, EncoderScratch scratch) {
    final int start = out.size();
    out.writeByte(encoding.id());
    out.writeInt(count);
    switch (encoding) {
      case RAW -> {
        for (int i = 0; i < count; i++) {
          writeValue(bits[i], valueBytes, out);
        }
      }
      case CONSTANT -> writeValue(count == 0 ? 0 : bits[0], valueBytes, out);
      case DECIMAL -> {
        // pick() computed these statistics of the scaled values whenever DECIMAL applies
        final LongStatistics statistics = scratch.statistics();
        final int width = statistics.width();
        out.writeByte(exponent);
        out.writeLong(statistics.min);
        out.writeByte(width);
        BitPacker.pack(scaled, count, statistics.min, width, out, scratch.groupWords());
      }
      case BIT_PACKED, DELTA, RUN_LENGTH -> throw new IllegalStateException("not a floating encoding: " + encoding);
    }
    return out.size() - start;
  }

  private static void writeValue(long bits, int valueBytes, GrowableBytes out) {
    if (valueBytes == 8) {
      out.writeLong(bits);
    } else {
      out.writeInt((int) bits);
    }
  }

  private static boolean isConstant(long[] bits, int count) {
    for (int i = 1; i < count; i++) {
      if (bits[i] != bits[0]) {
        return false;
      }
    }
    return true;
  }
}
