package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.codecs.internal.Lz4Compressor;
import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class BlockCompressionTest {
  private static final Compression[] KINDS = Compression.values();

  @Test
  void emptyInputRoundTrips() {
    for (Compression kind : KINDS) {
      assertRoundTrip(kind, new byte[0]);
    }
    final GrowableBytes out = new GrowableBytes();
    assertEquals(1, BlockCompression.compress(Compression.LZ4, new byte[0], 0, 0, out), "lz4 empty is one token");
  }

  @Test
  void randomAndCompressibleInputsRoundTrip() {
    SeededTrials.run("compression round trip", 70_000, 120, random -> {
      final byte[] data = CompressibleBytes.generate(random, random.nextInt(8) == 0 ? random.nextInt(300_000)
          : random.nextInt(5000));
      for (Compression kind : KINDS) {
        assertRoundTrip(kind, data);
      }
    });
  }

  @Test
  void compressesWhatRepeats() {
    final byte[] text = "the quick brown fox jumps over the lazy dog; ".repeat(500).getBytes(StandardCharsets.UTF_8);
    final GrowableBytes lz4 = new GrowableBytes();
    BlockCompression.compress(Compression.LZ4, text, 0, text.length, lz4);
    assertTrue(lz4.size() < text.length / 20, "lz4 size=" + lz4.size() + " of " + text.length);
    assertRoundTrip(Compression.LZ4, text);
    final byte[] zeros = new byte[100_000];
    final GrowableBytes zeroOut = new GrowableBytes();
    BlockCompression.compress(Compression.LZ4, zeros, 0, zeros.length, zeroOut);
    assertTrue(zeroOut.size() < 500, "lz4 zeros size=" + zeroOut.size());
    assertRoundTrip(Compression.LZ4, zeros);
  }

  @Test
  void lz4StaysWithinItsBoundOnIncompressibleInput() {
    final SplittableRandom random = new SplittableRandom(1);
    for (int length : new int[] {1, 12, 13, 100, 65_536, 200_000}) {
      final byte[] noise = new byte[length];
      random.nextBytes(noise);
      final GrowableBytes out = new GrowableBytes();
      final int written = BlockCompression.compress(Compression.LZ4, noise, 0, length, out);
      assertTrue(written <= Lz4Compressor.maxCompressedLength(length), "written=" + written);
      assertRoundTrip(Compression.LZ4, noise);
    }
  }

  @Test
  void compressesASubrange() {
    final byte[] data = "xxxxabcabcabcabcabcabcabcabcabcabcabcabcyyyy".getBytes(StandardCharsets.US_ASCII);
    for (Compression kind : KINDS) {
      final GrowableBytes out = new GrowableBytes();
      final int written = BlockCompression.compress(kind, data, 4, data.length - 8, out);
      final byte[] back = new byte[data.length - 8];
      BlockCompression.decompress(kind, out.asSegment(), 0, written, back, back.length);
      assertArrayEquals(Arrays.copyOfRange(data, 4, data.length - 4), back, kind.toString());
    }
  }

  @Test
  void compressionIdsAreStable() {
    for (Compression kind : KINDS) {
      assertEquals(kind, Compression.fromId(kind.id()));
    }
    assertEquals(1, Compression.LZ4.id());
    assertEquals(2, Compression.ZSTD.id());
    final CodecException unknown = assertThrows(CodecException.class, () -> Compression.fromId(3));
    assertEquals("unknown compression id=3 (known: 0 none, 1 lz4, 2 zstd)", unknown.getMessage());
  }

  @Test
  void refusesWrongLengthsAndRanges() {
    final byte[] data = "hello hello hello hello hello hello".getBytes(StandardCharsets.US_ASCII);
    for (Compression kind : KINDS) {
      final GrowableBytes out = new GrowableBytes();
      final int written = BlockCompression.compress(kind, data, 0, data.length, out);
      final MemorySegment in = out.asSegment();
      assertThrows(CodecException.class,
          () -> BlockCompression.decompress(kind, in, 0, written, new byte[data.length + 1], data.length + 1));
      assertThrows(CodecException.class,
          () -> BlockCompression.decompress(kind, in, 0, written, new byte[data.length], data.length - 1));
      assertThrows(CodecException.class,
          () -> BlockCompression.decompress(kind, in, 0, written + 1, new byte[data.length], data.length));
      assertThrows(CodecException.class,
          () -> BlockCompression.decompress(kind, in, 0, written, new byte[3], data.length));
    }
    final CodecException offset = assertThrows(CodecException.class, () -> BlockCompression.decompress(
        Compression.LZ4, MemorySegment.ofArray(new byte[] {0x10, 'a', 2, 0, 0x00}), 0, 5, new byte[8], 5));
    assertEquals("lz4 block at offset=0: corrupt at byte=2: match offset=2 outside 1..1", offset.getMessage());
    final CodecException endsInMatch = assertThrows(CodecException.class, () -> BlockCompression.decompress(
        Compression.LZ4, MemorySegment.ofArray(new byte[] {0x10, 'a', 1, 0}), 0, 4, new byte[8], 5));
    assertEquals("lz4 block at offset=0: corrupt at byte=4: input ends before the last literals (output bytes=5"
        + " of 5)", endsInMatch.getMessage());
    // a match that overlaps its own output: 2 literals, then 8 bytes copied from 2 back, then 2 literals
    final byte[] overlapping = new byte[12];
    BlockCompression.decompress(Compression.LZ4,
        MemorySegment.ofArray(new byte[] {0x24, 'a', 'b', 2, 0, 0x20, 'c', 'd'}), 0, 8, overlapping, 12);
    assertArrayEquals("abababababcd".getBytes(StandardCharsets.US_ASCII), overlapping);
  }

  @Test
  void corruptInputEndsInCodecException() {
    SeededTrials.run("compression fuzz", 80_000, 150, random -> {
      final byte[] data = CompressibleBytes.generate(random, random.nextInt(3000));
      for (Compression kind : new Compression[] {Compression.LZ4, Compression.ZSTD}) {
        final GrowableBytes out = new GrowableBytes();
        BlockCompression.compress(kind, data, 0, data.length, out);
        final byte[] valid = out.toByteArray();
        final byte[] destination = new byte[data.length + 100];
        for (int trial = 0; trial < 10; trial++) {
          final byte[] bytes = valid.clone();
          if (trial % 3 == 0) {
            random.nextBytes(bytes);
          } else {
            for (int f = 0; f <= random.nextInt(3); f++) {
              bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
          }
          final int length = trial % 2 == 0 ? bytes.length : random.nextInt(bytes.length + 1);
          final int expected = random.nextInt(4) == 0 ? random.nextInt(destination.length + 1) : data.length;
          CorruptBlockFuzzTest.expectDecodeOrCodecException(() -> BlockCompression.decompress(kind,
              MemorySegment.ofArray(bytes), 0, length, destination, expected));
        }
      }
    });
  }

  private static void assertRoundTrip(Compression kind, byte[] data) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(7);
    final int written = BlockCompression.compress(kind, data, 0, data.length, out);
    assertEquals(out.size() - 1, written);
    final byte[] back = new byte[data.length];
    BlockCompression.decompress(kind, out.asSegment(), 1, written, back, data.length);
    assertArrayEquals(data, back, kind + " heap");
    try (OffHeapBuffer buffer = OffHeapBuffer.allocate("codecs-test", written + 5)) {
      MemorySegment.copy(out.asSegment(), 1, buffer.segment(), 5, written);
      final byte[] fromNative = new byte[data.length];
      BlockCompression.decompress(kind, buffer.segment(), 5, written, fromNative, data.length);
      assertArrayEquals(data, fromNative, kind + " off-heap");
    }
  }
}
