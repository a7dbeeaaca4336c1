package io.nemeton.perf.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTest {
  private static final List<String> COLUMNS = List.of("dim_high", "count", "sum_metric3");

  private static Answer answer(Object[]... rows) {
    return new Answer(COLUMNS, Arrays.stream(rows).map(Arrays::asList).toList());
  }

  @Test
  void numbersOfEveryJdbcTypeCompareByValue() {
    final Answer nemeton = answer(new Object[] {"u1", 3L, 1.5}, new Object[] {"u2", 1L, null});
    final Answer duckDb = answer(new Object[] {"u1", BigInteger.valueOf(3), new BigDecimal("1.5")},
        new Object[] {"u2", 1, null});
    assertNull(nemeton.difference(duckDb, "nemeton", "duckdb"));
  }

  @Test
  void doubleSumsAgreeWithinTheRelativeTolerance() {
    final double sum = 9.999671723660007E9;
    assertNull(answer(new Object[] {"u", 1L, sum}).difference(
        answer(new Object[] {"u", 1L, sum * (1 + 1e-12)}), "a", "b"));
    assertEquals("row=0 column=sum_metric3: a=1.0E10 b=1.00001E10 (a row [u, 1, 1.0E10], b row [u, 1, 1.00001E10])",
        answer(new Object[] {"u", 1L, 1.0e10}).difference(answer(new Object[] {"u", 1L, 1.00001e10}), "a", "b"));
  }

  @Test
  void differencesNameRowColumnAndBothValues() {
    final Answer left = answer(new Object[] {"u1", 1L, 2.0}, new Object[] {"u2", 1L, 2.0});
    final Answer right = answer(new Object[] {"u1", 1L, 2.0}, new Object[] {"u3", 1L, 2.0});
    assertEquals("row=1 column=dim_high: nemeton=u2 duckdb=u3 (nemeton row [u2, 1, 2.0], duckdb row [u3, 1, 2.0])",
        left.difference(right, "nemeton", "duckdb"));
    assertEquals("row counts differ: nemeton=2 duckdb=1",
        left.difference(answer(new Object[] {"u1", 1L, 2.0}), "nemeton", "duckdb"));
    assertEquals("row=0 column=count: a=1 b=null (a row [u1, 1, 2.0], b row [u1, null, 2.0])",
        answer(new Object[] {"u1", 1L, 2.0}).difference(answer(new Object[] {"u1", null, 2.0}), "a", "b"));
  }

  @Test
  void aLongNeverEqualsAString() {
    assertEquals("row=0 column=count: a=1 b=1 (a row [u, 1, null], b row [u, 1, null])",
        answer(new Object[] {"u", 1L, null}).difference(answer(new Object[] {"u", "1", null}), "a", "b"));
  }

  @Test
  void rowsOfTheWrongWidthAndUnknownCellTypesAreRefused() {
    assertEquals("answer row=0 has cells=1 expected=3 (columns [dim_high, count, sum_metric3])",
        assertThrows(IllegalArgumentException.class, () -> answer(new Object[] {"u"})).getMessage());
    assertThrows(IllegalArgumentException.class, () -> answer(new Object[] {"u", new Object(), 1.0}));
  }
}
