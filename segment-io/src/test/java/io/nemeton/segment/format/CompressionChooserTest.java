package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompressionChooserTest {
  private final CompressionChooser chooser = new CompressionChooser();

  @Test
  void randomBytesStayUncompressed() {
    byte[] noise = new byte[4096];
    new SplittableRandom(2).nextBytes(noise);
    assertEquals(Compression.NONE, chooser.choose(noise, 0, noise.length, noise.length - 1));
    assertEquals(Compression.NONE, chooser.choose(new byte[0], 0, 0, -1));
  }

  @Test
  void compressibleBytesGetTheSmallestKindAndRoundTrip() {
    StringBuilder words = new StringBuilder();
    SplittableRandom random = new SplittableRandom(3);
    while (words.length() < 50_000) {
      words.append("value-").append(random.nextInt(300)).append(' ');
    }
    byte[] text = words.toString().getBytes(StandardCharsets.US_ASCII);
    Compression best = chooser.choose(text, 0, text.length, text.length - 1);
    assertNotEquals(Compression.NONE, best);
    GrowableBytes chosen = chooser.compressed();
    for (Compression kind : new Compression[] {Compression.LZ4, Compression.ZSTD}) {
      GrowableBytes other = new GrowableBytes();
      BlockCompression.compress(kind, text, 0, text.length, other);
      assertTrue(chosen.size() <= other.size(), best + " size=" + chosen.size() + " but " + kind + "=" + other.size());
    }
    byte[] back = new byte[text.length];
    BlockCompression.decompress(best, chosen.asSegment(), 0, chosen.size(), back, back.length);
    assertArrayEquals(text, back);
  }

  @Test
  void aBoundBelowEveryCandidateKeepsThePlainBytes() {
    byte[] text = "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(Compression.NONE, chooser.choose(text, 0, text.length, 1));
  }
}
