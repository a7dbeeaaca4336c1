package io.nemeton.engine.filter;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.filter.BoundFilter;
import io.nemeton.engine.query.filter.EqualityFilter;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.filter.InFilter;
import io.nemeton.engine.query.filter.IntervalFilter;
import io.nemeton.engine.query.filter.NullFilter;
import io.nemeton.engine.query.filter.RangeFilter;
import io.nemeton.engine.query.filter.SelectorFilter;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.StringComparators;
import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.segment.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Plans leaf filters on numeric columns (and {@code __time}) without extraction functions into
 * typed matchers or bitmaps: null tests use the null bitmap, {@code __time} intervals and numeric
 * ranges on {@code __time} become row ranges (binary search), equality and {@code in} become sets, numeric ranges become ranges (exact for longs).
 * Returns null for a leaf it does not specialise, which then takes the generic path with the same
 * {@link ValueTest} semantics. Stateless.
 */
final class NumericLeafPlanner {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private NumericLeafPlanner() {
  }

  static FilterPlan plan(Filter filter, ColumnInfo info, BlockColumns columns, boolean negated, boolean nullMatches) {
    final QueryableSegment segment = columns.segment();
    final boolean isTime = info.name().equals(QueryableSegment.TIME_COLUMN);
    if (filter instanceof NullFilter
        || (filter instanceof SelectorFilter selector && selector.value() == null)) {
      final ImmutableRoaringBitmap nulls = segment.numericNullRows(info.name());
      return new FilterPlan(negated ? Bitmaps.complement(nulls, segment.rowCount()) : nulls, null);
    }
    if (filter instanceof IntervalFilter interval && isTime) {
      final ImmutableRoaringBitmap rows = FilterPlanner.timeRows(segment, interval.intervals().intervals());
      return new FilterPlan(negated ? Bitmaps.complement(rows, segment.rowCount()) : rows, null);
    }
    final List<BigDecimal> points = points(filter);
    final NumericBlocks numbers = columns.numeric(info.name());
    if (info.type() == ColumnType.LONG) {
      if (points != null) {
        final List<Long> longs = new ArrayList<>();
        for (BigDecimal point : points) {
          if (point.signum() == 0 || point.stripTrailingZeros().scale() <= 0) {
            if (point.compareTo(LONG_MIN) >= 0 && point.compareTo(LONG_MAX) <= 0) {
              longs.add(point.longValueExact());
            }
          }
        }
        final long[] set = longs.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        return new FilterPlan(null, new LongMatcher(numbers, 0, 0, set, negated, nullMatches));
      }
      final Bounds bounds = bounds(filter, true);
      if (bounds == null) {
        return null;
      }
      long low = bounds.lower == null ? Long.MIN_VALUE : ceilLong(bounds.lower, bounds.lowerOpen);
      long high = bounds.upper == null ? Long.MAX_VALUE : floorLong(bounds.upper, bounds.upperOpen);
      if ((bounds.lower != null && bounds.lower.compareTo(LONG_MAX) > 0)
          || (bounds.upper != null && bounds.upper.compareTo(LONG_MIN) < 0)) {
        // a bound beyond the long range leaves no long inside
        low = 1;
        high = 0;
      }
      if (isTime) {
        // __time is sorted and never null: a time range is a row range, found by binary search
        final ImmutableRoaringBitmap rows = low > high ? Bitmaps.empty() : FilterPlanner.timeRows(segment,
            List.of(new Interval(low, high == Long.MAX_VALUE ? Long.MAX_VALUE : high + 1)));
        return new FilterPlan(negated ? Bitmaps.complement(rows, segment.rowCount()) : rows, null);
      }
      return new FilterPlan(null, new LongMatcher(numbers, low, high, null, negated, nullMatches));
    }
    final boolean isFloat = info.type() == ColumnType.FLOAT;
    if (points != null) {
      final double[] set = new double[points.size()];
      for (int i = 0; i < set.length; i++) {
        set[i] = isFloat ? points.get(i).floatValue() : points.get(i).doubleValue();
      }
      return new FilterPlan(null, new DoubleMatcher(numbers, 0, false, 0, false, Arrays.stream(set).distinct().toArray(),
          negated, nullMatches));
    }
    if (isFloat || !(filter instanceof RangeFilter)) {
      return null;
    }
    final Bounds bounds = bounds(filter, false);
    if (bounds == null) {
      return null;
    }
    return new FilterPlan(null, new DoubleMatcher(numbers,
        bounds.lower == null ? Double.NEGATIVE_INFINITY : bounds.lower.doubleValue(), bounds.lowerOpen,
        bounds.upper == null ? Double.POSITIVE_INFINITY : bounds.upper.doubleValue(), bounds.upperOpen,
        null, negated, nullMatches));
  }

  /** The numbers an equality-like leaf matches (text that is not a number matches nothing), or null. */
  private static List<BigDecimal> points(Filter filter) {
    final List<String> texts;
    if (filter instanceof SelectorFilter selector) {
      texts = List.of(selector.value());
    } else if (filter instanceof InFilter in) {
      texts = in.values().stream().filter(v -> v != null).toList();
    } else if (filter instanceof EqualityFilter equality && equality.matchValueType().isNumeric()) {
      texts = List.of(ValueTests.text(equality.matchValue()));
    } else {
      return null;
    }
    final List<BigDecimal> points = new ArrayList<>();
    for (String text : texts) {
      final BigDecimal number = StringComparators.decimal(text);
      if (number != null) {
        points.add(number);
      }
    }
    return points;
  }

  private record Bounds(BigDecimal lower, boolean lowerOpen, BigDecimal upper, boolean upperOpen) {
  }

  private static Bounds bounds(Filter filter, boolean allowNumericBound) {
    if (filter instanceof RangeFilter range && range.matchValueType().isNumeric()) {
      final BigDecimal lower = range.lower() == null ? null : decimal(range.lower());
      final BigDecimal upper = range.upper() == null ? null : decimal(range.upper());
      if ((range.lower() != null && lower == null) || (range.upper() != null && upper == null)) {
        return null;
      }
      return new Bounds(lower, range.lowerOpen(), upper, range.upperOpen());
    }
    if (allowNumericBound && filter instanceof BoundFilter bound && bound.ordering() == StringOrdering.NUMERIC) {
      final BigDecimal lower = StringComparators.decimal(bound.lower());
      final BigDecimal upper = StringComparators.decimal(bound.upper());
      if ((bound.lower() != null && lower == null) || (bound.upper() != null && upper == null)) {
        return null;
      }
      return new Bounds(lower, bound.lowerStrict(), upper, bound.upperStrict());
    }
    return null;
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof Number n ? new BigDecimal(n.toString()) : StringComparators.decimal(ValueTests.text(value));
  }

  /** The smallest long above (or at, when closed) {@code bound}, clamped to the long range. */
  private static long ceilLong(BigDecimal bound, boolean open) {
    BigDecimal ceiling = bound.setScale(0, RoundingMode.CEILING);
    if (open && ceiling.compareTo(bound) == 0) {
      ceiling = ceiling.add(BigDecimal.ONE);
    }
    return clamp(ceiling);
  }

  /** The largest long below (or at, when closed) {@code bound}, clamped to the long range. */
  private static long floorLong(BigDecimal bound, boolean open) {
    BigDecimal floor = bound.setScale(0, RoundingMode.FLOOR);
    if (open && floor.compareTo(bound) == 0) {
      floor = floor.subtract(BigDecimal.ONE);
    }
    return clamp(floor);
  }

  private static long clamp(BigDecimal value) {
    if (value.compareTo(LONG_MIN) < 0) {
      return Long.MIN_VALUE;
    }
    if (value.compareTo(LONG_MAX) > 0) {
      return Long.MAX_VALUE;
    }
    return value.longValueExact();
  }
}
