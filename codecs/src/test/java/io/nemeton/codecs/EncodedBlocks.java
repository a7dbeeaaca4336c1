package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.codecs.internal.FloatingBlockDecoder;
import io.nemeton.codecs.internal.IntBlockDecoder;
import io.nemeton.codecs.internal.LongBlockDecoder;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Round trips through the codecs for tests: encode (chosen or forced), then decode with the vector
 * kernels and their scalar twins, from a heap segment and from an off-heap segment at an odd offset
 * with bytes after the block, and check all agree with the input, bit for bit.
 */
public final class EncodedBlocks {
  private static final long ODD_OFFSET = 3;

  private EncodedBlocks() {}

  /**
   * {@code sumRange} over group-aligned ranges (the in-place path), ranges ending at the block's
   * end (the tail) and unaligned ones (decode and sum), vector and scalar, against a plain loop.
   */
  private static void checkRangeSums(MemorySegment block, long[] values, int count) {
    final int[][] ranges = {
        {0, count}, {0, Math.min(256, count)}, {Math.min(256, count), Math.min(512, count)},
        {count & -256, count}, {Math.min(1, count), count}, {count / 3, count / 2}, {count, count}};
    final long[] scratch = new long[count + 1];
    for (int[] range : ranges) {
      long expected = 0;
      for (int i = range[0]; i < range[1]; i++) {
        expected += values[i];
      }
      final String at = "count=" + count + " from=" + range[0] + " to=" + range[1];
      assertEquals(expected, LongBlockDecoder.sumRange(block, 1, range[0], range[1], scratch, true), at + " vector sum");
      assertEquals(expected, LongBlockDecoder.sumRange(block, 1, range[0], range[1], scratch, false), at + " scalar sum");
    }
  }

  /** Encodes and checks a long block; returns its encoding. */
  public static BlockEncoding roundTrip(long[] values, int count, BlockEncoding forced) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(0x5A); // a byte before the block: offsets must be honoured
    final int written = forced == null ? LongBlockCodec.encode(values, count, out)
        : LongBlockCodec.encode(values, count, forced, out);
    assertEquals(out.size() - 1, written, "bytes written");
    final MemorySegment heap = out.asSegment();
    assertEquals(written, LongBlockCodec.encodedLength(heap, 1), "encodedLength");
    assertEquals(count, LongBlockCodec.valueCount(heap, 1), "valueCount");
    final long[] expected = Arrays.copyOf(values, count);
    final long[] scalar = new long[count + 3];
    final long[] vector = new long[count + 3];
    assertEquals(count, LongBlockDecoder.decode(heap, 1, scalar, false));
    assertEquals(count, LongBlockDecoder.decode(heap, 1, vector, true));
    assertArrayEquals(expected, Arrays.copyOf(scalar, count), "scalar decode");
    assertArrayEquals(expected, Arrays.copyOf(vector, count), "vector decode");
    checkRangeSums(heap, expected, count);
    try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + ODD_OFFSET + 7)) {
      MemorySegment.copy(heap, 1, buffer.segment(), ODD_OFFSET, written);
      final long[] mapped = new long[count];
      assertEquals(count, LongBlockCodec.decode(buffer.segment(), ODD_OFFSET, mapped));
      assertArrayEquals(expected, mapped, "off-heap decode");
      // exactly-sized segment: the decoder must not read one byte past the block
      final long[] exact = new long[count];
      LongBlockCodec.decode(buffer.segment().asSlice(ODD_OFFSET, written), 0, exact);
      assertArrayEquals(expected, exact, "exactly-sized segment decode");
    }
    return LongBlockCodec.encoding(heap, 1);
  }

  /** Encodes and checks an int block; returns its encoding. */
  public static BlockEncoding roundTrip(int[] values, int count, BlockEncoding forced) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(0x5A);
    final int written = forced == null ? IntBlockCodec.encode(values, count, out)
        : IntBlockCodec.encode(values, count, forced, out);
    assertEquals(out.size() - 1, written, "bytes written");
    final MemorySegment heap = out.asSegment();
    assertEquals(written, IntBlockCodec.encodedLength(heap, 1), "encodedLength");
    assertEquals(count, IntBlockCodec.valueCount(heap, 1), "valueCount");
    final int[] expected = Arrays.copyOf(values, count);
    final int[] scalar = new int[count];
    final int[] vector = new int[count];
    assertEquals(count, IntBlockDecoder.decode(heap, 1, scalar, false));
    assertEquals(count, IntBlockDecoder.decode(heap, 1, vector, true));
    assertArrayEquals(expected, scalar, "scalar decode");
    assertArrayEquals(expected, vector, "vector decode");
    try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + ODD_OFFSET)) {
      MemorySegment.copy(heap, 1, buffer.segment(), ODD_OFFSET, written);
      final int[] mapped = new int[count];
      assertEquals(count, IntBlockCodec.decode(buffer.segment(), ODD_OFFSET, mapped));
      assertArrayEquals(expected, mapped, "off-heap decode");
    }
    return IntBlockCodec.encoding(heap, 1);
  }

  /**
   * {@code addDoubleLanes} over group-aligned ranges (the in-place path for DECIMAL), ranges ending
   * at the block's end and unaligned ones, vector and scalar, against lanes filled by a plain loop.
   */
  private static void checkLaneSums(MemorySegment block, double[] values, int count) {
    final int[][] ranges = {
        {0, count}, {0, Math.min(256, count)}, {Math.min(256, count), Math.min(512, count)},
        {0, count & -256}, {count & -256, count}, {Math.min(1, count), count}, {count / 3, count / 2}};
    final double[] scratch = new double[count + 1];
    for (int[] range : ranges) {
      final double[] expected = new double[8];
      for (int i = range[0]; i < range[1]; i++) {
        expected[(i - range[0]) & 7] += values[i];
      }
      for (boolean vector : new boolean[] {true, false}) {
        final double[] lanes = new double[8];
        FloatingBlockDecoder.addDoubleLanes(block, 1, range[0], range[1], scratch, lanes, vector);
        for (int k = 0; k < 8; k++) {
          assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(lanes[k]),
              "count=" + count + " from=" + range[0] + " to=" + range[1] + " vector=" + vector + " lane " + k);
        }
      }
    }
  }

  /** Encodes and checks a double block bit for bit; returns its encoding. */
  public static BlockEncoding roundTrip(double[] values, int count, BlockEncoding forced) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(0x5A);
    final int written = forced == null ? DoubleBlockCodec.encode(values, count, out)
        : DoubleBlockCodec.encode(values, count, forced, out);
    assertEquals(out.size() - 1, written, "bytes written");
    final MemorySegment heap = out.asSegment();
    assertEquals(written, DoubleBlockCodec.encodedLength(heap, 1), "encodedLength");
    assertEquals(count, DoubleBlockCodec.valueCount(heap, 1), "valueCount");
    final double[] scalar = new double[count];
    final double[] vector = new double[count];
    FloatingBlockDecoder.decodeDoubles(heap, 1, scalar, false);
    FloatingBlockDecoder.decodeDoubles(heap, 1, vector, true);
    for (int i = 0; i < count; i++) {
      final long expected = Double.doubleToRawLongBits(values[i]);
      assertEquals(expected, Double.doubleToRawLongBits(scalar[i]), "scalar value " + i + " of " + values[i]);
      assertEquals(expected, Double.doubleToRawLongBits(vector[i]), "vector value " + i + " of " + values[i]);
    }
    checkLaneSums(heap, values, count);
    try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + ODD_OFFSET)) {
      MemorySegment.copy(heap, 1, buffer.segment(), ODD_OFFSET, written);
      final double[] mapped = new double[count];
      assertEquals(count, DoubleBlockCodec.decode(buffer.segment(), ODD_OFFSET, mapped));
      for (int i = 0; i < count; i++) {
        assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(mapped[i]), "off-heap " + i);
      }
    }
    return DoubleBlockCodec.encoding(heap, 1);
  }

  /** Encodes and checks a float block bit for bit; returns its encoding. */
  public static BlockEncoding roundTrip(float[] values, int count, BlockEncoding forced) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(0x5A);
    final int written = forced == null ? FloatBlockCodec.encode(values, count, out)
        : FloatBlockCodec.encode(values, count, forced, out);
    assertEquals(out.size() - 1, written, "bytes written");
    final MemorySegment heap = out.asSegment();
    assertEquals(written, FloatBlockCodec.encodedLength(heap, 1), "encodedLength");
    assertEquals(count, FloatBlockCodec.valueCount(heap, 1), "valueCount");
    final float[] scalar = new float[count];
    final float[] vector = new float[count];
    FloatingBlockDecoder.decodeFloats(heap, 1, scalar, false);
    FloatingBlockDecoder.decodeFloats(heap, 1, vector, true);
    for (int i = 0; i < count; i++) {
      final int expected = Float.floatToRawIntBits(values[i]);
      assertEquals(expected, Float.floatToRawIntBits(scalar[i]), "scalar value " + i + " of " + values[i]);
      assertEquals(expected, Float.floatToRawIntBits(vector[i]), "vector value " + i + " of " + values[i]);
    }
    try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + ODD_OFFSET)) {
      MemorySegment.copy(heap, 1, buffer.segment(), ODD_OFFSET, written);
      final float[] mapped = new float[count];
      assertEquals(count, FloatBlockCodec.decode(buffer.segment(), ODD_OFFSET, mapped));
      for (int i = 0; i < count; i++) {
        assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(mapped[i]), "off-heap " + i);
      }
    }
    return FloatBlockCodec.encoding(heap, 1);
  }
}
