package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.expression.ExpressionValue;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.dimension.ExtractionDimensionSpec;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.filter.AndFilter;
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
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a filter on one result row (a map of output names to values) with the same
 * three-valued semantics as the segment filters: how {@code having} filters and result-level
 * filters run. Stateless; allocates per call.
 */
public final class RowFilters {
  private RowFilters() {
  }

  /** Whether the row passes (TRUE, not UNKNOWN). */
  public static boolean matches(Filter filter, Map<String, Object> row) {
    return evaluate(filter, row) == ValueTest.TRUE;
  }

  /** TRUE, FALSE or UNKNOWN. */
  public static int evaluate(Filter filter, Map<String, Object> row) {
    return switch (filter) {
      case TrueFilter t -> ValueTest.TRUE;
      case FalseFilter f -> ValueTest.FALSE;
      case NotFilter not -> {
        final int inner = evaluate(not.field(), row);
        yield inner == ValueTest.UNKNOWN ? ValueTest.UNKNOWN : inner == ValueTest.TRUE ? ValueTest.FALSE : ValueTest.TRUE;
      }
      case AndFilter and -> {
        int result = ValueTest.TRUE;
        for (Filter field : and.fields()) {
          final int truth = evaluate(field, row);
          if (truth == ValueTest.FALSE) {
            yield ValueTest.FALSE;
          }
          if (truth == ValueTest.UNKNOWN) {
            result = ValueTest.UNKNOWN;
          }
        }
        yield result;
      }
      case OrFilter or -> {
        int result = ValueTest.FALSE;
        for (Filter field : or.fields()) {
          final int truth = evaluate(field, row);
          if (truth == ValueTest.TRUE) {
            yield ValueTest.TRUE;
          }
          if (truth == ValueTest.UNKNOWN) {
            result = ValueTest.UNKNOWN;
          }
        }
        yield result;
      }
      case SelectorFilter s -> leaf(row.get(s.dimension()), s.extractionFn(), ValueTests.selector(s.value()));
      case EqualityFilter e -> leaf(row.get(e.column()), null, ValueTests.equality(e));
      case InFilter in -> leaf(row.get(in.dimension()), in.extractionFn(), ValueTests.in(in.values()));
      case BoundFilter b -> leaf(row.get(b.dimension()), b.extractionFn(), ValueTests.bound(b));
      case RangeFilter r -> leaf(row.get(r.column()), null, ValueTests.range(r));
      case LikeFilter l -> leaf(row.get(l.dimension()), l.extractionFn(), ValueTests.like(l.pattern(), l.escape()));
      case RegexFilter r -> leaf(row.get(r.dimension()), r.extractionFn(), ValueTests.regex(r.pattern()));
      case SearchFilter s -> leaf(row.get(s.dimension()), s.extractionFn(),
          ValueTests.of(SearchSpecs.predicate(s.query())));
      case NullFilter n -> leaf(row.get(n.column()), null, ValueTests.isNull());
      case IntervalFilter i -> leaf(row.get(i.dimension()), i.extractionFn(),
          ValueTests.interval(i.intervals().intervals()));
      case ColumnComparisonFilter c -> {
        Object first = null;
        for (int k = 0; k < c.dimensions().size(); k++) {
          final DimensionSpec dimension = c.dimensions().get(k);
          Object value = row.get(dimension.dimension());
          value = dimension instanceof ExtractionDimensionSpec x ? Extractor.of(x.extractionFn()).apply(value)
              : ValueTests.text(value);
          if (value == null) {
            yield ValueTest.UNKNOWN;
          }
          if (k == 0) {
            first = value;
          } else if (!Objects.equals(first, value)) {
            yield ValueTest.FALSE;
          }
        }
        yield ValueTest.TRUE;
      }
      case ExpressionFilter e -> {
        final ExpressionValue value = ExpressionParser.parse(e.expression()).evaluate(row::get);
        yield value.isNull() ? ValueTest.UNKNOWN : value.asBoolean() ? ValueTest.TRUE : ValueTest.FALSE;
      }
      default -> throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
          "filter type " + filter.getClass().getSimpleName() + " cannot be applied to result rows");
    };
  }

  private static int leaf(Object value, ExtractionFn extractionFn, ValueTest test) {
    final ValueTest applied = extractionFn == null ? test : ValueTests.extracted(Extractor.of(extractionFn), test);
    return GenericMatcher.truth(applied, value);
  }
}
