package io.nemeton.perf.codecs;

import java.util.SplittableRandom;

/**
 * Bytes shaped like a string column's dictionary or JSON-ish input: short words from a small
 * vocabulary with numbers between, compressible about 3-5x. Deterministic.
 */
final class CompressionSample {
  private static final String[] WORDS = {
      "page", "user", "Wikipedia", "en", "edit", "bot", "namespace", "Main", "talk", "delta"};

  private CompressionSample() {}

  static byte[] bytes(int length) {
    final SplittableRandom random = new SplittableRandom(42);
    final byte[] bytes = new byte[length];
    int at = 0;
    while (at < length) {
      final byte[] word = (WORDS[random.nextInt(WORDS.length)] + random.nextInt(1000) + ",").getBytes();
      final int copied = Math.min(word.length, length - at);
      System.arraycopy(word, 0, bytes, at, copied);
      at += copied;
    }
    return bytes;
  }
}
