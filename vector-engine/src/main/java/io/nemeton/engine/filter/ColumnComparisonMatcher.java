package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.cursor.ValueBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code columnComparison}: rows where every listed column holds the same value, compared as text
 * (a multi-value row as its list of values). A null on either side is UNKNOWN. Not thread-safe;
 * boxes per row.
 */
final class ColumnComparisonMatcher implements RowMatcher {
  private final ValueBlocks[] columns;
  private final Extractor[] extractors;
  private final int wanted;

  /** @param extractors per column, null entries for none */
  ColumnComparisonMatcher(ValueBlocks[] columns, Extractor[] extractors, boolean negated) {
    this.columns = columns;
    this.extractors = extractors;
    this.wanted = negated ? ValueTest.FALSE : ValueTest.TRUE;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      if (truth(block, position) == wanted) {
        out[kept++] = position;
      }
    }
    return kept;
  }

  private int truth(int block, int position) {
    Object first = null;
    for (int c = 0; c < columns.length; c++) {
      final Object value = normalize(columns[c].value(block, position), extractors[c]);
      if (value == null) {
        return ValueTest.UNKNOWN;
      }
      if (c == 0) {
        first = value;
      } else if (!Objects.equals(first, value)) {
        return ValueTest.FALSE;
      }
    }
    return ValueTest.TRUE;
  }

  private static Object normalize(Object value, Extractor extractor) {
    if (value instanceof List<?> list) {
      final List<String> texts = new ArrayList<>(list.size());
      for (Object element : list) {
        texts.add(extractor == null ? ValueTests.text(element) : extractor.apply(element));
      }
      return texts;
    }
    return extractor == null ? ValueTests.text(value) : extractor.apply(value);
  }
}
