package io.nemeton.engine.filter;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.filter.EqualityFilter;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.filter.InFilter;
import io.nemeton.engine.query.filter.SelectorFilter;
import io.nemeton.engine.storage.StringColumn;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Plans a leaf filter on a dictionary-encoded string column: flags the dictionary ids whose value
 * passes (looked up directly for equality and {@code in}, else each value tested once), then
 * unions their rows ({@link StringColumn#union}), or tests ids per row when too many are flagged. A negated leaf flags the
 * TRUE and UNKNOWN values and keeps the rows holding none of them, which is right for multi-value
 * rows too. Stateless.
 */
final class StringLeafPlanner {
  private StringLeafPlanner() {
  }

  /**
   * @param filter the leaf when it has no extraction function (enables direct lookups), else null
   */
  static FilterPlan plan(StringColumn column, BlockColumns columns, ValueTest test, Filter filter, boolean negated,
      int maxBitmapUnion, int rowCount) {
    final int cardinality = column.cardinality();
    final boolean[] flagged = new boolean[cardinality];
    final List<String> lookups = lookupValues(filter);
    int count = 0;
    if (lookups != null) {
      for (String value : lookups) {
        final int id = column.lookupId(value);
        if (id >= 0 && !flagged[id]) {
          flagged[id] = true;
          count++;
        }
      }
      if (negated && column.hasNullValue() && !flagged[0] && test.test(null) == ValueTest.UNKNOWN) {
        flagged[0] = true;
        count++;
      }
    } else {
      for (int id = 0; id < cardinality; id++) {
        final int truth = test.test(column.value(id));
        if (truth == ValueTest.TRUE || (negated && truth == ValueTest.UNKNOWN)) {
          flagged[id] = true;
          count++;
        }
      }
    }
    if (count > maxBitmapUnion) {
      return new FilterPlan(null, new DictionaryMatcher(columns.strings(column.name()), flagged, negated));
    }
    final int[] ids = new int[count];
    int flaggedIds = 0;
    for (int id = 0; id < cardinality && flaggedIds < count; id++) {
      if (flagged[id]) {
        ids[flaggedIds++] = id;
      }
    }
    // one call for all ids: list-coded values are decoded together into one word bitmap
    final ImmutableRoaringBitmap union = column.union(ids, flaggedIds, rowCount);
    return new FilterPlan(negated ? Bitmaps.complement(union, rowCount) : union, null);
  }

  /** The exact values an equality-like leaf matches, or null when each value must be tested. */
  private static List<String> lookupValues(Filter filter) {
    if (filter instanceof SelectorFilter selector) {
      return java.util.Collections.singletonList(selector.value());
    }
    if (filter instanceof InFilter in) {
      return in.values();
    }
    if (filter instanceof EqualityFilter equality && equality.matchValueType().kind() == ValueType.Kind.STRING) {
      return List.of(ValueTests.text(equality.matchValue()));
    }
    return null;
  }
}
