package io.nemeton.bitmap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.GrowableBytes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bulk appends ({@code writeLowBits}, {@code setUpperBits}) leave the same stream as the field
 * by field {@code write} and {@code setBit} they replace, from every starting bit offset, across
 * word boundaries, for widths 0 to 32, on a reused (cleared) writer.
 */
class BitStreamWriterTest {
  @Test
  void bulkAppendsMatchFieldByFieldWrites() {
    final long base = new SplittableRandom().nextLong();
    final BitStreamWriter bulk = new BitStreamWriter();
    final BitStreamWriter single = new BitStreamWriter();
    for (int trial = 0; trial < 400; trial++) {
      final long seed = base + trial;
      final SplittableRandom random = new SplittableRandom(seed);
      bulk.clear();
      single.clear();
      final int steps = 1 + random.nextInt(12);
      for (int step = 0; step < steps; step++) {
        // a leading field of 0 to 57 bits, so the bulk appends start at every offset in a word
        final int lead = random.nextInt(58);
        final long field = lead == 0 ? 0 : random.nextLong() & ((1L << lead) - 1);
        bulk.write(field, lead);
        single.write(field, lead);
        final int n = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(3000);
        final int bits = random.nextInt(33);
        final int[] values = new int[n + 2];
        int row = random.nextInt(1000);
        for (int i = 0; i < values.length; i++) {
          row += random.nextInt(5000);
          values[i] = random.nextInt(8) == 0 ? random.nextInt() : row;
        }
        bulk.writeLowBits(values, 1, n, bits);
        final long mask = bits == 0 ? 0 : (1L << bits) - 1;
        for (int i = 0; i < n; i++) {
          single.write(values[1 + i] & mask, bits);
        }
        // an Elias–Fano upper half over ascending non-negative values
        final int[] ascending = new int[n];
        int value = random.nextInt(100);
        for (int i = 0; i < n; i++) {
          value += random.nextInt(random.nextBoolean() ? 3 : 300);
          ascending[i] = value;
        }
        final int shift = random.nextInt(12);
        final long length = n + (n == 0 ? 0 : (ascending[n - 1] >>> shift)) + 1;
        final long start = bulk.bitCount();
        bulk.skip(length);
        single.skip(length);
        bulk.setUpperBits(start, ascending, 0, n, shift);
        for (int i = 0; i < n; i++) {
          single.setBit(start + (ascending[i] >>> shift) + i);
        }
        assertEquals(single.bitCount(), bulk.bitCount(), "seed=" + seed);
      }
      final GrowableBytes expected = new GrowableBytes();
      final GrowableBytes actual = new GrowableBytes();
      single.copyTo(expected);
      bulk.copyTo(actual);
      assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "seed=" + seed);
    }
  }
}
