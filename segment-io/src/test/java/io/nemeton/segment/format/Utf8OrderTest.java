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
  void encodesLikeTheJdkAndRefusesUnpairedSurrogates() {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    byte[] destination = new byte[3 * 64];
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(RandomSegments.string(random));
      if (random.nextInt(8) == 0) { // a lone surrogate somewhere
        text.insert(random.nextInt(text.length() + 1), (char) ((random.nextBoolean() ? 0xD800 : 0xDC00) + random.nextInt(0x400)));
      }
      String value = text.toString();
      if (destination.length < 3 * value.length()) {
        destination = new byte[3 * value.length()];
      }
      int length = Utf8Order.encode(value, destination);
      if (Utf8Order.hasUnpairedSurrogate(value)) {
        assertEquals(-1, length, "seed=" + seed);
      } else {
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, length, "seed=" + seed);
        assertTrue(java.util.Arrays.equals(expected, 0, length, destination, 0, length), "seed=" + seed + " value=" + value);
      }
    }
    assertEquals(-1, Utf8Order.encode("a\uD800", new byte[6]));
  }

  @Test
  void findsUnpairedSurrogates() {
    assertTrue(Utf8Order.hasUnpairedSurrogate("a\uD800"));
    assertTrue(Utf8Order.hasUnpairedSurrogate("\uDC00a"));
    assertTrue(!Utf8Order.hasUnpairedSurrogate("a\uD83D\uDE00b"));
  }
}
