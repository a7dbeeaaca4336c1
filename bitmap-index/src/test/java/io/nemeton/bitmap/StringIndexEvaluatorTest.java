package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dictionary searches and index predicates against a naive evaluator that compares every row's
 * value with {@link String#compareTo}.
 */
@ExtendWith(LeakCheckExtension.class)
class StringIndexEvaluatorTest {
  private static final String ALPHABET = "ab\u00e9z\uffef\ud83d\ude00"; // includes a surrogate pair

  @Test
  void predicatesMatchARowByRowEvaluation() {
    Seeds.trials(40, random -> {
      final String[] dictionary = randomDictionary(random);
      final int cardinality = dictionary.length;
      final int rowCount = TestColumns.logUniform(random, 0, 50_000);
      final int[] ids = cardinality == 0 ? new int[rowCount] : TestColumns.singleValued(random, rowCount, cardinality);
      final int usedRows = cardinality == 0 ? 0 : rowCount;
      final GrowableBytes out = new GrowableBytes();
      BitmapIndexWriter.writeSingleValued(ids, usedRows, cardinality, out);
      final StringIndexEvaluator evaluator =
          new StringIndexEvaluator(BitmapIndex.wrap(out.asSegment()), new ArrayDictionary(dictionary), usedRows);

      for (int query = 0; query < 20; query++) {
        final String value = randomProbe(random, dictionary);
        assertEquals(naive(dictionary, ids, usedRows, row -> Objects.equals(row, value)),
            TestColumns.toBitSet(evaluator.equalTo(value)), "equalTo " + value);

        final List<String> values = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
          values.add(randomProbe(random, dictionary));
        }
        assertEquals(naive(dictionary, ids, usedRows, values::contains),
            TestColumns.toBitSet(evaluator.in(values)), "in " + values);

        final String lower = random.nextInt(4) == 0 ? null : randomProbe(random, dictionary);
        final String upper = random.nextInt(4) == 0 ? null : randomProbe(random, dictionary);
        final boolean lowerStrict = random.nextBoolean();
        final boolean upperStrict = random.nextBoolean();
        assertEquals(naive(dictionary, ids, usedRows, row -> row != null
                && (lower == null || (lowerStrict ? row.compareTo(lower) > 0 : row.compareTo(lower) >= 0))
                && (upper == null || (upperStrict ? row.compareTo(upper) < 0 : row.compareTo(upper) <= 0))),
            TestColumns.toBitSet(evaluator.range(lower, lowerStrict, upper, upperStrict)),
            "range " + (lowerStrict ? "(" : "[") + lower + ", " + upper + (upperStrict ? ")" : "]"));
      }
      assertEquals(naive(dictionary, ids, usedRows, row -> row == null), TestColumns.toBitSet(evaluator.isNull()));
      assertEquals(naive(dictionary, ids, usedRows, row -> row != null), TestColumns.toBitSet(evaluator.notNull()));
    });
  }

  @Test
  void searchesOnAKnownDictionary() {
    final SortedDictionary withNull = new ArrayDictionary(new String[] {null, "", "apple", "banana", "cherry"});
    assertEquals(0, DictionarySearch.find(withNull, null));
    assertEquals(1, DictionarySearch.find(withNull, ""));
    assertEquals(3, DictionarySearch.find(withNull, "banana"));
    assertEquals(-4, DictionarySearch.find(withNull, "b"), "would go at id 3");
    assertEquals(-6, DictionarySearch.find(withNull, "zebra"));
    assertArrayEquals(new int[] {0, 2, 4}, DictionarySearch.findAll(withNull, Arrays.asList("cherry", null, "apple", "kiwi", "apple")));
    assertEquals(new IdRange(2, 4), DictionarySearch.range(withNull, "apple", false, "cherry", true));
    assertEquals(new IdRange(3, 5), DictionarySearch.range(withNull, "apple", true, null, false));
    assertEquals(new IdRange(1, 3), DictionarySearch.range(withNull, null, false, "b", false), "ranges skip null");
    assertEquals(0, DictionarySearch.range(withNull, "d", false, "a", false).size());

    final SortedDictionary withoutNull = new ArrayDictionary(new String[] {"x", "y"});
    assertEquals(-1, DictionarySearch.find(withoutNull, null));
    assertEquals(new IdRange(0, 2), DictionarySearch.range(withoutNull, null, false, null, false));
    final SortedDictionary empty = new ArrayDictionary(new String[0]);
    assertEquals(-1, DictionarySearch.find(empty, "x"));
    assertEquals(0, DictionarySearch.range(empty, null, false, null, false).size());
  }

  @Test
  void theIndexAndTheDictionaryMustAgree() {
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(new int[] {0, 1}, 2, 2, out);
    final BitmapIndex index = BitmapIndex.wrap(out.asSegment());
    assertEquals("bitmap index cardinality=2 does not match dictionary cardinality=3",
        assertThrows(IllegalArgumentException.class,
            () -> new StringIndexEvaluator(index, new ArrayDictionary(new String[] {"a", "b", "c"}), 2)).getMessage());
  }

  interface RowPredicate {
    boolean test(String value);
  }

  private static BitSet naive(String[] dictionary, int[] ids, int rowCount, RowPredicate predicate) {
    final BitSet rows = new BitSet();
    for (int row = 0; row < rowCount; row++) {
      if (predicate.test(dictionary[ids[row]])) {
        rows.set(row);
      }
    }
    return rows;
  }

  private static String[] randomDictionary(SplittableRandom random) {
    final TreeSet<String> values = new TreeSet<>();
    final int wanted = TestColumns.logUniform(random, 0, 3_000);
    for (int i = 0; i < wanted; i++) {
      values.add(randomString(random));
    }
    final List<String> sorted = new ArrayList<>();
    if (random.nextBoolean()) {
      sorted.add(null);
    }
    sorted.addAll(values);
    return sorted.toArray(new String[0]);
  }

  private static String randomProbe(SplittableRandom random, String[] dictionary) {
    return switch (random.nextInt(4)) {
      case 0, 1 -> dictionary.length == 0 ? null : dictionary[random.nextInt(dictionary.length)];
      case 2 -> randomString(random);
      default -> random.nextBoolean() ? null : "";
    };
  }

  private static String randomString(SplittableRandom random) {
    final StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      final int at = random.nextInt(ALPHABET.length() - 1);
      if (Character.isHighSurrogate(ALPHABET.charAt(at))) {
        text.append(ALPHABET, at, at + 2);
      } else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
        text.append(ALPHABET.charAt(at));
      }
    }
    return text.toString();
  }
}
