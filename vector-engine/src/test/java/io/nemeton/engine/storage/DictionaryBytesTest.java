package io.nemeton.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DictionaryBytes}: first words order as the bytes do, offsets, the U+D000 check, validation. */
class DictionaryBytesTest {
  private static final ValueLayout.OfInt OFFSET = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final String[] PIECES = {"a", "b", "ab", "\u0000", "z", "\u00e9", "\u4e2d", "\ud000", "\uffff",
      "\ud83d\ude00", "tttttttt"};

  @Test
  void firstWordsOrderAsTheBytes() {
    final long seed = Long.getLong("nemeton.test.seed", System.nanoTime());
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 50; round++) {
      final List<byte[]> values = new ArrayList<>();
      final int count = 1 + random.nextInt(60);
      for (int i = 0; i < count; i++) {
        final StringBuilder value = new StringBuilder();
        final int pieces = random.nextInt(6);
        for (int k = 0; k < pieces; k++) {
          value.append(PIECES[random.nextInt(PIECES.length)]);
        }
        values.add(value.toString().getBytes(StandardCharsets.UTF_8));
      }
      values.sort(Arrays::compareUnsigned);
      final DictionaryBytes dictionary = build(values);
      final long[] words = dictionary.firstWords();
      boolean anyHigh = false;
      for (int i = 0; i < values.size(); i++) {
        final byte[] value = values.get(i);
        assertEquals(value.length, dictionary.end(i) - dictionary.start(i), "seed=" + seed + " length of id " + i);
        assertEquals(dictionary.offsets()[i], dictionary.start(i), "seed=" + seed);
        boolean high = false;
        for (byte b : value) {
          high |= (b & 0xFF) >= 0xED;
        }
        anyHigh |= high;
        assertEquals(high, DictionaryBytes.hasByteFromED(dictionary.values(), dictionary.start(i), dictionary.end(i)),
            "seed=" + seed + " value " + Arrays.toString(value));
        for (int j = 0; j < values.size(); j++) {
          final byte[] other = values.get(j);
          final int byBytes = Integer.signum(Arrays.compareUnsigned(Arrays.copyOf(value, Math.min(8, value.length)),
              Arrays.copyOf(other, Math.min(8, other.length))));
          final int byWords = Integer.signum(Long.compareUnsigned(words[i], words[j]));
          if (byWords != 0) {
            assertEquals(byBytes, byWords, "seed=" + seed + " " + Arrays.toString(value) + " vs "
                + Arrays.toString(other));
          } else {
            // equal words: equal first bytes, up to zero padding of the shorter one
            assertTrue(byBytes == 0 || Math.min(value.length, other.length) < 8, "seed=" + seed);
          }
        }
      }
      assertEquals(anyHigh, dictionary.hasByteFromED(), "seed=" + seed);
    }
  }

  @Test
  void refusesOffsetsThatDoNotCoverTheValues() {
    final MemorySegment values = MemorySegment.ofArray(new byte[3]);
    final MemorySegment offsets = MemorySegment.ofArray(new byte[8]);
    offsets.setAtIndex(OFFSET, 1, 2);
    final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DictionaryBytes.of(values, offsets, 1, false));
    assertEquals("dictionary offsets span [0, 2), expected [0, 3)", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DictionaryBytes.of(values, offsets, 2, false));
  }

  private static DictionaryBytes build(List<byte[]> values) {
    final int total = values.stream().mapToInt(v -> v.length).sum();
    // the values' bytes at the end of their array, so short values near the end are read byte by byte
    final MemorySegment bytes = MemorySegment.ofArray(new byte[total]);
    final MemorySegment offsets = MemorySegment.ofArray(new byte[4 * (values.size() + 1)]);
    int at = 0;
    for (int i = 0; i < values.size(); i++) {
      offsets.setAtIndex(OFFSET, i, at);
      MemorySegment.copy(MemorySegment.ofArray(values.get(i)), 0, bytes, at, values.get(i).length);
      at += values.get(i).length;
    }
    offsets.setAtIndex(OFFSET, values.size(), at);
    return DictionaryBytes.of(bytes, offsets, values.size(), false);
  }
}
