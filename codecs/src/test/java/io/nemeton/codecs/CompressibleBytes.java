package io.nemeton.codecs;

import java.util.SplittableRandom;

/** Byte arrays with the structure real column regions have: repeats near and far, runs, noise. */
public final class CompressibleBytes {
  private CompressibleBytes() {}

  public static byte[] generate(SplittableRandom random, int length) {
    final byte[] bytes = new byte[length];
    int at = 0;
    while (at < length) {
      final int piece = Math.min(length - at, 1 + random.nextInt(random.nextBoolean() ? 40 : 600));
      switch (random.nextInt(4)) {
        case 0 -> {
          for (int i = 0; i < piece; i++) {
            bytes[at + i] = (byte) random.nextInt(256);
          }
        }
        case 1 -> java.util.Arrays.fill(bytes, at, at + piece, (byte) random.nextInt(4));
        default -> {
          if (at == 0) {
            bytes[0] = 'a';
            at++;
            continue;
          }
          final int distance = 1 + random.nextInt(Math.min(at, random.nextBoolean() ? 16 : 70_000));
          for (int i = 0; i < piece; i++) {
            bytes[at + i] = bytes[at + i - distance];
          }
        }
      }
      at += piece;
    }
    return bytes;
  }
}
