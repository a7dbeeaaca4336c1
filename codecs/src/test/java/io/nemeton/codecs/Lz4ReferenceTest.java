package io.nemeton.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.GrowableBytes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our LZ4 block format against the reference {@code lz4} tool: blocks the tool made (checked-in
 * fixtures, fast and high-compression modes) decode with our decoder; where the tool is installed,
 * blocks our compressor makes, wrapped in a minimal LZ4 frame, decode with the tool.
 */
class Lz4ReferenceTest {
  private static final Path LZ4 = Path.of("/usr/bin/lz4");

  @Test
  void decodesBlocksTheReferenceToolMade() throws IOException {
    final byte[] original = resource("lz4/sample.txt");
    for (String fixture : new String[] {"lz4/sample.fast.lz4block", "lz4/sample.hc.lz4block"}) {
      final byte[] block = resource(fixture);
      final byte[] back = new byte[original.length];
      BlockCompression.decompress(Compression.LZ4, MemorySegment.ofArray(block), 0, block.length, back,
          original.length);
      assertArrayEquals(original, back, fixture);
    }
  }

  @Test
  void referenceToolDecodesOurBlocks() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(LZ4), "reference lz4 tool not installed");
    SeededTrials.run("lz4 reference", 100_000, 6, random -> {
      final byte[] data = random.nextBoolean() ? CompressibleBytes.generate(random, 1 + random.nextInt(65_536))
          : resource("lz4/sample.txt");
      final GrowableBytes block = new GrowableBytes();
      BlockCompression.compress(Compression.LZ4, data, 0, data.length, block);
      assertArrayEquals(data, referenceDecode(frame(block)), "reference decode of our block");
    });
  }

  /** One LZ4 frame around one block: independent blocks, 64 KiB maximum, no checksums. */
  private static byte[] frame(GrowableBytes block) {
    final GrowableBytes frame = new GrowableBytes();
    frame.writeInt(0x184D2204);
    final int flags = 0x60; // version 01, blocks independent
    final int blockDescriptor = 0x40; // 64 KiB maximum block size
    frame.writeByte(flags);
    frame.writeByte(blockDescriptor);
    frame.writeByte((xxHash32(new byte[] {(byte) flags, (byte) blockDescriptor}) >>> 8) & 0xFF);
    frame.writeInt(block.size());
    frame.write(block);
    frame.writeInt(0);
    return frame.toByteArray();
  }

  private static byte[] referenceDecode(byte[] frame) throws Exception {
    final Path input = Files.createTempFile("nemeton-lz4", ".lz4");
    try {
      Files.write(input, frame);
      final Process process = new ProcessBuilder(LZ4.toString(), "-d", "-c", input.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      final byte[] output = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      assertEquals(0, process.exitValue(), "lz4 -d exit code");
      return output;
    } finally {
      Files.deleteIfExists(input);
    }
  }

  /** xxHash32 with seed 0 of an input shorter than 16 bytes: all the frame header checksum needs. */
  private static int xxHash32(byte[] input) {
    final int prime1 = 0x9E3779B1;
    final int prime2 = 0x85EBCA77;
    final int prime3 = 0xC2B2AE3D;
    final int prime5 = 0x165667B1;
    int hash = prime5 + input.length;
    for (byte b : input) {
      hash += (b & 0xFF) * prime5;
      hash = Integer.rotateLeft(hash, 11) * prime1;
    }
    hash ^= hash >>> 15;
    hash *= prime2;
    hash ^= hash >>> 13;
    hash *= prime3;
    hash ^= hash >>> 16;
    return hash;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Lz4ReferenceTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
