package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property test: comparing UTF-8 bytes with {@link Utf8Order} agrees with String.compareTo. */
class Utf8OrderTest {
  @Test
  void agreesWithStringOrder() {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      String a = RandomSegments.string(random);
      String b = random.nextInt(4) == 0 ? a + RandomSegments.string(random) : RandomSegments.string(random);
      byte[] stored = a.getBytes(StandardCharsets.UTF_8);
      MemorySegment probe = MemorySegment.ofArray(b.getBytes(StandardCharsets.UTF_8));
      int expected = Integer.signum(a.compareTo(b));
      int actual = Integer.signum(Utf8Order.compare(MemorySegment.ofArray(stored), 0, stored.length, probe));
      assertEquals(expected, actual, () -> "seed=" + seed + " a=" + a + " b=" + b);
    }
  }

  @Test
  void supplementaryCharactersSortBelowPrivateUseArea() {
    // UTF-16: U+1F600 is D83D DE00, below U+E000; UTF-8 bytes alone would say the opposite
    String emoji = "\uD83D\uDE00";
    String privateUse = "\uE000";
    assertTrue(emoji.compareTo(privateUse) < 0);
    byte[] stored = emoji.getBytes(StandardCharsets.UTF_8);
    MemorySegment probe = MemorySegment.ofArray(privateUse.getBytes(StandardCharsets.UTF_8));
    assertTrue(Utf8Order.compare(MemorySegment.ofArray(stored), 0, stored.length, probe) < 0);
  }

  @Test
  void findsUnpairedSurrogates() {
    assertTrue(Utf8Order.hasUnpairedSurrogate("a\uD800"));
    assertTrue(Utf8Order.hasUnpairedSurrogate("\uDC00a"));
    assertTrue(!Utf8Order.hasUnpairedSurrogate("a\uD83D\uDE00b"));
  }
}
