package io.nemeton.engine.filter;

import io.nemeton.bitmap.Bitmaps;
import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.cursor.ValueBlocks;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.expression.ExpressionValue;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.dimension.ExtractionDimensionSpec;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.filter.AndFilter;
import io.nemeton.engine.query.filter.ArrayContainsElementFilter;
import io.nemeton.engine.query.filter.BoundFilter;
import io.nemeton.engine.query.filter.ColumnComparisonFilter;
import io.nemeton.engine.query.filter.EqualityFilter;
import io.nemeton.engine.query.filter.ExpressionFilter;
import io.nemeton.engine.query.filter.FalseFilter;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.filter.InFilter;
import io.nemeton.engine.query.filter.IntervalFilter;
import io.nemeton.engine.query.filter.LikeFilter;
import io.nemeton.engine.query.filter.NotFilter;
import io.nemeton.engine.query.filter.NullFilter;
import io.nemeton.engine.query.filter.OrFilter;
import io.nemeton.engine.query.filter.RangeFilter;
import io.nemeton.engine.query.filter.RegexFilter;
import io.nemeton.engine.query.filter.SearchFilter;
import io.nemeton.engine.query.filter.SelectorFilter;
import io.nemeton.engine.query.filter.TrueFilter;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.storage.ColumnInfo;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.segment.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Plans a filter for one segment. {@code not} is pushed down to the leaves (De Morgan), where it
 * keeps the rows whose test is FALSE (SQL three-valued logic: UNKNOWN rows match neither a filter
 * nor its negation). Leaves on string columns are answered from the dictionary and the bitmap
 * index (each distinct value tested once, then a union of the matching values' bitmaps); when more
 * than {@code maxBitmapUnion} values match, ids are tested per row instead. {@code __time}
 * intervals become row ranges by binary search; {@code null} on a numeric column is its null
 * bitmap. Other leaves become typed matchers (long and double ranges and sets) or, for the rest,
 * a generic per-row test. {@code and} intersects bitmaps and chains matchers; {@code or} unions
 * bitmaps when every branch is one, else tests rows.
 *
 * <p>Not thread-safe: plans for the scanning thread that owns the {@link BlockColumns}. Allocates
 * while planning only.
 */
public final class FilterPlanner {
  /** Default most bitmaps a leaf unions before testing ids per row instead. */
  public static final int DEFAULT_MAX_BITMAP_UNION = 4096;

  private final BlockColumns columns;
  private final QueryableSegment segment;
  private final int maxBitmapUnion;

  public FilterPlanner(BlockColumns columns, int maxBitmapUnion) {
    this.columns = columns;
    this.segment = columns.segment();
    this.maxBitmapUnion = maxBitmapUnion;
  }

  /** Plans {@code filter} (null for none). */
  public FilterPlan plan(Filter filter) {
    return filter == null ? FilterPlan.ALL : plan(filter, false);
  }

  private FilterPlan plan(Filter filter, boolean negated) {
    return switch (filter) {
      case TrueFilter t -> negated ? FilterPlan.none() : FilterPlan.ALL;
      case FalseFilter f -> negated ? FilterPlan.ALL : FilterPlan.none();
      case NotFilter not -> plan(not.field(), !negated);
      case AndFilter and -> negated ? disjunction(and.fields(), true) : conjunction(and.fields(), false);
      case OrFilter or -> negated ? conjunction(or.fields(), true) : disjunction(or.fields(), false);
      case SelectorFilter s -> leaf(s.dimension(), s.extractionFn(), ValueTests.selector(s.value()), filter, negated);
      case EqualityFilter e -> leaf(e.column(), null, ValueTests.equality(e), filter, negated);
      case InFilter in -> leaf(in.dimension(), in.extractionFn(), ValueTests.in(in.values()), filter, negated);
      case BoundFilter b -> leaf(b.dimension(), b.extractionFn(), ValueTests.bound(b), filter, negated);
      case RangeFilter r -> leaf(r.column(), null, ValueTests.range(r), filter, negated);
      case LikeFilter l -> leaf(l.dimension(), l.extractionFn(), ValueTests.like(l.pattern(), l.escape()), filter,
          negated);
      case RegexFilter r -> leaf(r.dimension(), r.extractionFn(), ValueTests.regex(r.pattern()), filter, negated);
      case SearchFilter s -> leaf(s.dimension(), s.extractionFn(), ValueTests.of(SearchSpecs.predicate(s.query())),
          filter, negated);
      case NullFilter n -> leaf(n.column(), null, ValueTests.isNull(), filter, negated);
      case IntervalFilter i -> leaf(i.dimension(), i.extractionFn(), ValueTests.interval(i.intervals().intervals()),
          filter, negated);
      case ColumnComparisonFilter c -> columnComparison(c, negated);
      case ExpressionFilter e -> expression(e, negated);
      case ArrayContainsElementFilter a -> throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
          "arrayContainsElement filter on column '" + a.column() + "' is not supported: no array columns");
    };
  }

  private FilterPlan conjunction(List<Filter> fields, boolean negated) {
    final List<ImmutableRoaringBitmap> bitmaps = new ArrayList<>();
    final List<RowMatcher> matchers = new ArrayList<>();
    for (Filter field : fields) {
      final FilterPlan plan = plan(field, negated);
      if (plan.matchesNothing()) {
        return FilterPlan.none();
      }
      if (plan.rows() != null) {
        bitmaps.add(plan.rows());
      }
      if (plan.matcher() != null) {
        matchers.add(plan.matcher());
      }
    }
    final ImmutableRoaringBitmap rows = bitmaps.isEmpty() ? null
        : Bitmaps.intersection(bitmaps.toArray(new ImmutableRoaringBitmap[0]), bitmaps.size(), segment.rowCount());
    return new FilterPlan(rows, chain(matchers));
  }

  private FilterPlan disjunction(List<Filter> fields, boolean negated) {
    final List<FilterPlan> plans = new ArrayList<>();
    boolean allBitmaps = true;
    for (Filter field : fields) {
      final FilterPlan plan = plan(field, negated);
      if (plan.matchesAll()) {
        return FilterPlan.ALL;
      }
      if (plan.matchesNothing()) {
        continue;
      }
      plans.add(plan);
      allBitmaps &= plan.matcher() == null;
    }
    if (plans.isEmpty()) {
      return FilterPlan.none();
    }
    if (allBitmaps) {
      final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[plans.size()];
      for (int i = 0; i < bitmaps.length; i++) {
        bitmaps[i] = plans.get(i).rows();
      }
      return new FilterPlan(Bitmaps.union(bitmaps, bitmaps.length, segment.rowCount()), null);
    }
    final RowMatcher[] matchers = new RowMatcher[plans.size()];
    for (int i = 0; i < matchers.length; i++) {
      final FilterPlan plan = plans.get(i);
      final List<RowMatcher> parts = new ArrayList<>(2);
      if (plan.rows() != null) {
        parts.add(new BitmapMatcher(plan.rows()));
      }
      if (plan.matcher() != null) {
        parts.add(plan.matcher());
      }
      matchers[i] = chain(parts);
    }
    return new FilterPlan(null, new OrMatcher(matchers));
  }

  private static RowMatcher chain(List<RowMatcher> matchers) {
    if (matchers.isEmpty()) {
      return null;
    }
    return matchers.size() == 1 ? matchers.get(0) : new AndMatcher(matchers.toArray(new RowMatcher[0]));
  }

  private FilterPlan leaf(String column, ExtractionFn extractionFn, ValueTest valueTest, Filter filter,
      boolean negated) {
    final Extractor extractor = extractionFn == null ? null : Extractor.of(extractionFn);
    final ValueTest test = extractor == null ? valueTest : ValueTests.extracted(extractor, valueTest);
    if (columns.isVirtual(column)) {
      return new FilterPlan(null, new GenericMatcher(columns.values(column), test, negated));
    }
    final ColumnInfo info = segment.column(column);
    if (info == null) {
      return constant(test.test(null), negated);
    }
    if (info.type() == ColumnType.STRING) {
      return StringLeafPlanner.plan(columns.stringColumn(column), columns, test, extractor == null ? filter : null,
          negated, maxBitmapUnion, segment.rowCount());
    }
    if (info.type() == ColumnType.COMPLEX) {
      throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
          "cannot filter on complex column '" + column + "' of type " + info.complexTypeName());
    }
    if (extractor == null) {
      final FilterPlan typed = NumericLeafPlanner.plan(filter, info, columns, negated, test.test(null) == ValueTest.TRUE);
      if (typed != null) {
        return typed;
      }
    }
    return new FilterPlan(null, new GenericMatcher(columns.values(column), test, negated));
  }

  /** Every row has the same value (an absent column: null). */
  private static FilterPlan constant(int truth, boolean negated) {
    final int wanted = negated ? ValueTest.FALSE : ValueTest.TRUE;
    return truth == wanted ? FilterPlan.ALL : FilterPlan.none();
  }

  private FilterPlan columnComparison(ColumnComparisonFilter filter, boolean negated) {
    final List<DimensionSpec> dimensions = filter.dimensions();
    final ValueBlocks[] values = new ValueBlocks[dimensions.size()];
    final Extractor[] extractors = new Extractor[dimensions.size()];
    for (int i = 0; i < values.length; i++) {
      final DimensionSpec dimension = dimensions.get(i);
      values[i] = columns.values(dimension.dimension());
      extractors[i] = dimension instanceof ExtractionDimensionSpec extraction
          ? Extractor.of(extraction.extractionFn()) : null;
    }
    return new FilterPlan(null, new ColumnComparisonMatcher(values, extractors, negated));
  }

  private FilterPlan expression(ExpressionFilter filter, boolean negated) {
    final ValueBlocks values = columns.expressionValues(ExpressionParser.parse(filter.expression()));
    final ValueTest truthy = value -> value == null ? ValueTest.UNKNOWN
        : ExpressionValue.fromJava(value).asBoolean() ? ValueTest.TRUE : ValueTest.FALSE;
    return new FilterPlan(null, new GenericMatcher(values, truthy, negated));
  }

  /** Rows whose time is inside any of {@code intervals}, by binary search on the sorted time column. */
  static ImmutableRoaringBitmap timeRows(QueryableSegment segment, List<Interval> intervals) {
    final MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (Interval interval : intervals) {
      final int start = segment.lowerBoundRow(interval.startMs());
      final int end = segment.lowerBoundRow(interval.endMs());
      if (end > start) {
        rows.add((long) start, (long) end);
      }
    }
    return rows;
  }
}
