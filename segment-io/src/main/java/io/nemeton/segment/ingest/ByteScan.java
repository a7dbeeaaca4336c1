package io.nemeton.segment.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes eight at a time (SWAR: a long holds eight bytes, and a few arithmetic steps mark the
 * ones equal to a target), for the input scanners' hot loops.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
final class ByteScan {
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

  private ByteScan() {}

  /** A word with every byte equal to {@code value}. */
  static long broadcast(byte value) {
    return (value & 0xFFL) * ONES;
  }

  /** 0x80 in each byte of {@code word} that is zero, 0 elsewhere (exact, no false positives). */
  static long zeroBytes(long word) {
    return ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
  }

  /** First index of {@code target} in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte target) {
    final long pattern = broadcast(target);
    int i = from;
    final int lastWord = bytes.length - 8;
    for (; i < to && i <= lastWord; i += 8) {
      final long found = zeroBytes((long) LONG.get(bytes, i) ^ pattern);
      if (found != 0) {
        final int index = i + (Long.numberOfTrailingZeros(found) >>> 3);
        return index < to ? index : -1;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }
}
