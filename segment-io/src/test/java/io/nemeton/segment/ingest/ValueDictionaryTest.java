package io.nemeton.segment.ingest;

import io.nemeton.segment.format.Utf8Order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-keyed dictionary against HashMap and String order (seeded random property tests). */
class ValueDictionaryTest {
  private static final String[] ALPHABET = {"a", "b", "z", "é", "日", "\uFF21", "\uE000", "\uD83D\uDE00", "\uD83D\uDE01", "0", " "};

  private static String randomValue(SplittableRandom random) {
    final StringBuilder value = new StringBuilder();
    final int length = random.nextInt(0, random.nextBoolean() ? 4 : 20);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return value.toString();
  }

  @Test
  void internsLikeAHashMapAndRanksInStringOrder() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final ValueDictionary dictionary = new ValueDictionary();
    final Map<String, Integer> reference = new HashMap<>();
    final List<String> byId = new ArrayList<>();
    byId.add(null);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 3000; i++) {
        final String value = randomValue(random);
        final byte[] padded = ("xx" + value + "yy").getBytes(StandardCharsets.UTF_8);
        final int id = random.nextBoolean()
            ? dictionary.intern(padded, 2, padded.length - 4) : dictionary.intern(value);
        final Integer known = reference.putIfAbsent(value, id);
        if (known == null) {
          assertEquals(byId.size(), id, "seed=" + seed + " new ids count up");
          byId.add(value);
        } else {
          assertEquals((int) known, id, "seed=" + seed + " value=" + value);
        }
      }
      // ranks must agree with String order among everything seen so far
      final int[] ranks = dictionary.ranks();
      final int[] sorted = dictionary.sortedIds();
      assertEquals(byId.size() - 1, sorted.length);
      for (int r = 1; r < sorted.length; r++) {
        final String previous = dictionary.value(sorted[r - 1]);
        final String current = dictionary.value(sorted[r]);
        assertTrue(previous.compareTo(current) < 0, "seed=" + seed + " " + previous + " !< " + current);
        assertEquals(r + 1, ranks[sorted[r]]);
      }
      assertEquals(0, ranks[ValueDictionary.NULL_ID]);
    }
    for (int id = 1; id < byId.size(); id++) {
      assertEquals(byId.get(id), dictionary.value(id));
    }
    assertNull(dictionary.value(ValueDictionary.NULL_ID));
  }

  @Test
  void batchInterningMatchesOneByOne() {
    final SplittableRandom random = new SplittableRandom(5);
    final ValueDictionary single = new ValueDictionary();
    final ValueDictionary batched = new ValueDictionary();
    final int count = 1024;
    final long[] keys = new long[count];
    final byte[] arena = new byte[count * 64];
    final int[] starts = new int[count];
    final int[] lengths = new int[count];
    final int[] rows = new int[count];
    final int[] ids = new int[count];
    for (int round = 0; round < 20; round++) {
      int used = 0;
      final int[] expected = new int[count];
      for (int i = 0; i < count; i++) {
        final byte[] value = randomValue(random).getBytes(StandardCharsets.UTF_8);
        expected[i] = single.intern(value, 0, value.length);
        System.arraycopy(value, 0, arena, used, value.length);
        starts[i] = used;
        lengths[i] = value.length;
        keys[i] = value.length <= ValueDictionary.INLINE_BYTES ? ValueDictionary.inline(value, 0, value.length) : -1;
        rows[i] = count - 1 - i;
        used += value.length;
      }
      batched.internAll(keys, arena, starts, lengths, rows, count, ids);
      for (int i = 0; i < count; i++) {
        assertEquals(expected[i], ids[count - 1 - i]);
      }
    }
  }

  @Test
  void invalidUtf8HasOneSpelling() {
    final ValueDictionary dictionary = new ValueDictionary();
    final int broken = dictionary.intern(new byte[] {'a', (byte) 0xC3}, 0, 2);
    final int replaced = dictionary.intern("a\uFFFD");
    assertEquals(replaced, broken, "an invalid sequence becomes what decoding makes of it");
    assertEquals("a\uFFFD", dictionary.value(broken));
  }

  @Test
  void utf8OrderIsJavaStringOrder() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20000; i++) {
      final String a = randomValue(random);
      final String b = randomValue(random);
      final byte[] x = a.getBytes(StandardCharsets.UTF_8);
      final byte[] y = b.getBytes(StandardCharsets.UTF_8);
      assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Utf8Order.compare(x, 0, x.length, y, 0, y.length)),
          "seed=" + seed + " a=" + a + " b=" + b);
    }
  }

  @Test
  void multiValueListsAreInternedAndOrdered() {
    final StringField field = new StringField("tags", 0);
    final int a = field.dictionary.intern("a");
    final int b = field.dictionary.intern("b");
    field.handling = io.nemeton.segment.ingest.spec.MultiValueHandling.SORTED_ARRAY;
    field.beginList();
    field.addToList(b);
    field.addToList(a);
    final int list = field.endList();
    field.beginList();
    field.addToList(a);
    field.addToList(b);
    assertEquals(list, field.endList(), "equal lists share a code");
    assertTrue(ValueListTable.isList(list));
    field.beginList();
    field.addToList(b);
    assertEquals(b, field.endList(), "a one-value list is that value");
    field.beginList();
    assertEquals(ValueDictionary.NULL_ID, field.endList(), "an empty list is null");
    final int[] ranks = field.dictionary.ranks();
    assertTrue(field.compareCodes(a, list, ranks) < 0, "[a] before [a, b]");
    assertTrue(field.compareCodes(list, b, ranks) < 0, "[a, b] before [b]");
  }
}
