package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Bad headers are refused with a message naming the encoding, the value and the limit. */
class BlockValidationTest {
  @Test
  void unknownEncodingId() {
    final byte[] block = {9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    final CodecException error = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(MemorySegment.ofArray(block), 0, new long[1]));
    assertEquals("long block at offset=0: unknown encoding id=9 (largest known=5)", error.getMessage());
    assertThrows(CodecException.class, () -> BlockEncoding.fromId(-1));
  }

  @Test
  void encodingOfAnotherValueType() {
    final GrowableBytes out = new GrowableBytes();
    DoubleBlockCodec.encode(new double[] {1.5, 2.5}, 2, BlockEncoding.DECIMAL, out);
    final CodecException error = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(out.asSegment(), 0, new long[2]));
    assertEquals("long block at offset=0: encoding=DECIMAL (id=5) is not valid here (valid: RAW, CONSTANT,"
        + " BIT_PACKED, DELTA, RUN_LENGTH)", error.getMessage());
    final GrowableBytes delta = new GrowableBytes();
    LongBlockCodec.encode(new long[] {1, 2, 3}, 3, BlockEncoding.DELTA, delta);
    assertThrows(CodecException.class, () -> IntBlockCodec.decode(delta.asSegment(), 0, new int[3]));
    assertThrows(CodecException.class, () -> DoubleBlockCodec.decode(delta.asSegment(), 0, new double[3]));
  }

  @Test
  void widthAboveLimit() {
    final GrowableBytes out = new GrowableBytes();
    LongBlockCodec.encode(new long[] {1, 2, 3}, 3, BlockEncoding.BIT_PACKED, out);
    final byte[] block = out.toByteArray();
    block[5 + 8] = 65;
    final CodecException error = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(MemorySegment.ofArray(block), 0, new long[3]));
    assertEquals("long block at offset=0 encoding=BIT_PACKED: bit width=65 exceeds limit=64", error.getMessage());

    final GrowableBytes ints = new GrowableBytes();
    IntBlockCodec.encode(new int[] {1, 2, 3}, 3, BlockEncoding.BIT_PACKED, ints);
    final byte[] intBlock = ints.toByteArray();
    intBlock[5 + 4] = 33;
    final CodecException intError = assertThrows(CodecException.class,
        () -> IntBlockCodec.decode(MemorySegment.ofArray(intBlock), 0, new int[3]));
    assertEquals("int block at offset=0 encoding=BIT_PACKED: bit width=33 exceeds limit=32", intError.getMessage());
  }

  @Test
  void countAboveDestinationOrLimit() {
    final GrowableBytes out = new GrowableBytes();
    LongBlockCodec.encode(new long[] {1, 2, 3}, 3, out);
    final CodecException small = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(out.asSegment(), 0, new long[2]));
    assertEquals("long block at offset=0 encoding=BIT_PACKED: value count=3 exceeds destination length=2",
        small.getMessage());
    final byte[] block = out.toByteArray();
    block[1] = 1;
    block[2] = 0;
    block[3] = 1; // 65537
    final CodecException huge = assertThrows(CodecException.class,
        () -> LongBlockCodec.valueCount(MemorySegment.ofArray(block), 0));
    assertEquals("long block at offset=0 encoding=BIT_PACKED: value count=65537 outside 0..65536", huge.getMessage());
  }

  @Test
  void blockPastTheSegmentEnd() {
    final GrowableBytes out = new GrowableBytes();
    final long[] values = new long[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 7;
    }
    final int written = LongBlockCodec.encode(values, values.length, BlockEncoding.BIT_PACKED, out);
    final MemorySegment truncated = out.asSegment().asSlice(0, written - 1);
    final CodecException error = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(truncated, 0, new long[300]));
    assertEquals("long block at offset=0 encoding=BIT_PACKED: block needs bytes=" + written + " but segment has bytes="
        + (written - 1) + " from offset (size=" + (written - 1) + ")", error.getMessage());
    final CodecException header = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(out.asSegment(), written - 2, new long[300]));
    assertEquals("long block at offset=" + (written - 2) + ": header needs bytes=5 but segment size=" + written,
        header.getMessage());
    assertThrows(CodecException.class, () -> LongBlockCodec.decode(out.asSegment(), -1, new long[300]));
  }

  @Test
  void runsThatDoNotCoverTheBlock() {
    final GrowableBytes out = new GrowableBytes();
    final long[] values = {4, 4, 4, 4, 9, 9, 9, 9};
    LongBlockCodec.encode(values, values.length, BlockEncoding.RUN_LENGTH, out);
    final byte[] block = out.toByteArray();
    block[1] = 7; // count 7, runs cover 8
    final CodecException error = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(MemorySegment.ofArray(block), 0, new long[8]));
    assertEquals("long block at offset=0 encoding=RUN_LENGTH: run=1 length=4 at value=4 passes value count=7",
        error.getMessage());
    block[1] = 9;
    final CodecException under = assertThrows(CodecException.class,
        () -> LongBlockCodec.decode(MemorySegment.ofArray(block), 0, new long[9]));
    assertEquals("long block at offset=0 encoding=RUN_LENGTH: runs cover values=8 but value count=9",
        under.getMessage());
  }

  @Test
  void decimalExponentAndBaseLimits() {
    final GrowableBytes out = new GrowableBytes();
    DoubleBlockCodec.encode(new double[] {1.25, 2.5}, 2, BlockEncoding.DECIMAL, out);
    final byte[] block = out.toByteArray();
    block[5] = 19;
    final CodecException exponent = assertThrows(CodecException.class,
        () -> DoubleBlockCodec.decode(MemorySegment.ofArray(block), 0, new double[2]));
    assertEquals("double block at offset=0 encoding=DECIMAL: exponent=19 exceeds limit=18", exponent.getMessage());
    block[5] = 2;
    block[6 + 7] = 0x40; // base far above 2^52
    assertThrows(CodecException.class, () -> DoubleBlockCodec.decode(MemorySegment.ofArray(block), 0, new double[2]));
  }
}
