package io.nemeton.engine.testing;

import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.filter.AndFilter;
import io.nemeton.engine.query.filter.BoundFilter;
import io.nemeton.engine.query.filter.EqualityFilter;
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
import io.nemeton.engine.query.search.ContainsSearchSpec;
import io.nemeton.engine.query.time.Interval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A row-at-a-time reference for filters, written for tests only: it evaluates the query model on a
 * row map with SQL three-valued logic (1 TRUE, 0 FALSE, -1 UNKNOWN). A multi-value row is TRUE when
 * any value is TRUE and FALSE when all are FALSE. Slow and obvious on purpose.
 */
public final class NaiveFilters {
  private NaiveFilters() {
  }

  public static boolean matches(Filter filter, Map<String, Object> row) {
    return filter == null || truth(filter, row) == 1;
  }

  static int truth(Filter filter, Map<String, Object> row) {
    if (filter instanceof TrueFilter) {
      return 1;
    }
    if (filter instanceof FalseFilter) {
      return 0;
    }
    if (filter instanceof NotFilter not) {
      final int inner = truth(not.field(), row);
      return inner == -1 ? -1 : 1 - inner;
    }
    if (filter instanceof AndFilter and) {
      int result = 1;
      for (Filter field : and.fields()) {
        result = combineAnd(result, truth(field, row));
      }
      return result;
    }
    if (filter instanceof OrFilter or) {
      int result = 0;
      for (Filter field : or.fields()) {
        final int value = truth(field, row);
        if (value == 1) {
          return 1;
        }
        if (value == -1) {
          result = -1;
        }
      }
      return result;
    }
    if (filter instanceof SelectorFilter s) {
      return perValue(row.get(s.dimension()), v -> selector(s.value(), v));
    }
    if (filter instanceof InFilter in) {
      return perValue(row.get(in.dimension()), v -> {
        int result = 0;
        for (String candidate : in.values()) {
          final int one = selector(candidate, v);
          if (one == 1) {
            return 1;
          }
          if (one == -1) {
            result = -1;
          }
        }
        return result;
      });
    }
    if (filter instanceof NullFilter n) {
      return perValue(row.get(n.column()), v -> v == null ? 1 : 0);
    }
    if (filter instanceof EqualityFilter e) {
      return perValue(row.get(e.column()), v -> {
        if (v == null) {
          return -1;
        }
        if (e.matchValueType().kind() == ValueType.Kind.STRING) {
          return text(v).equals(text(e.matchValue())) ? 1 : 0;
        }
        final BigDecimal match = new BigDecimal(e.matchValue().toString());
        return numberEquals(v, match);
      });
    }
    if (filter instanceof BoundFilter b) {
      return perValue(row.get(b.dimension()), v -> {
        if (v == null) {
          return -1;
        }
        final String t = text(v);
        if (b.lower() != null) {
          final int c = compare(b.ordering(), t, b.lower());
          if (c < 0 || (c == 0 && b.lowerStrict())) {
            return 0;
          }
        }
        if (b.upper() != null) {
          final int c = compare(b.ordering(), t, b.upper());
          if (c > 0 || (c == 0 && b.upperStrict())) {
            return 0;
          }
        }
        return 1;
      });
    }
    if (filter instanceof RangeFilter r) {
      return perValue(row.get(r.column()), v -> range(r, v));
    }
    if (filter instanceof LikeFilter l) {
      final StringBuilder regex = new StringBuilder();
      for (char c : l.pattern().toCharArray()) {
        regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
      }
      final Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
      return perValue(row.get(l.dimension()), v -> v == null ? -1 : pattern.matcher(text(v)).matches() ? 1 : 0);
    }
    if (filter instanceof RegexFilter r) {
      final Pattern pattern = Pattern.compile(r.pattern());
      return perValue(row.get(r.dimension()), v -> v == null ? -1 : pattern.matcher(text(v)).find() ? 1 : 0);
    }
    if (filter instanceof SearchFilter s) {
      final ContainsSearchSpec spec = (ContainsSearchSpec) s.query();
      return perValue(row.get(s.dimension()), v -> {
        if (v == null) {
          return -1;
        }
        return spec.caseSensitive() ? (text(v).contains(spec.value()) ? 1 : 0)
            : (text(v).toLowerCase().contains(spec.value().toLowerCase()) ? 1 : 0);
      });
    }
    if (filter instanceof IntervalFilter i) {
      return perValue(row.get(i.dimension()), v -> {
        if (v == null) {
          return -1;
        }
        final long t = ((Number) v).longValue();
        for (Interval interval : i.intervals().intervals()) {
          if (t >= interval.startMs() && t < interval.endMs()) {
            return 1;
          }
        }
        return 0;
      });
    }
    if (filter instanceof io.nemeton.engine.query.filter.ExpressionFilter e) {
      final io.nemeton.engine.expression.ExpressionValue value =
          io.nemeton.engine.expression.ExpressionParser.parse(e.expression()).evaluate(row::get);
      return value.isNull() ? -1 : value.asBoolean() ? 1 : 0;
    }
    throw new IllegalArgumentException("naive filters do not know " + filter);
  }

  private static int combineAnd(int left, int right) {
    if (left == 0 || right == 0) {
      return 0;
    }
    if (left == -1 || right == -1) {
      return -1;
    }
    return 1;
  }

  interface ValueCheck {
    int check(Object value);
  }

  private static int perValue(Object value, ValueCheck check) {
    if (value instanceof List<?> list) {
      int result = 0;
      for (Object element : list) {
        final int one = check.check(element);
        if (one == 1) {
          return 1;
        }
        if (one == -1) {
          result = -1;
        }
      }
      return result;
    }
    return check.check(value);
  }

  private static int selector(String match, Object v) {
    if (match == null) {
      return v == null ? 1 : 0;
    }
    if (v == null) {
      return -1;
    }
    if (v instanceof Number) {
      final BigDecimal parsed = decimal(match);
      return parsed == null ? 0 : numberEquals(v, parsed);
    }
    return match.equals(v) ? 1 : 0;
  }

  private static int numberEquals(Object v, BigDecimal match) {
    if (v instanceof Float f) {
      return f == match.floatValue() ? 1 : 0;
    }
    if (v instanceof Double d) {
      return d == match.doubleValue() ? 1 : 0;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l).compareTo(match) == 0 ? 1 : 0;
    }
    final BigDecimal parsed = decimal(text(v));
    return parsed == null ? -1 : parsed.compareTo(match) == 0 ? 1 : 0;
  }

  private static int range(RangeFilter r, Object v) {
    if (v == null) {
      return -1;
    }
    if (r.matchValueType().kind() == ValueType.Kind.STRING) {
      final String t = text(v);
      if (r.lower() != null) {
        final int c = codePointCompare(t, text(r.lower()));
        if (c < 0 || (c == 0 && r.lowerOpen())) {
          return 0;
        }
      }
      if (r.upper() != null) {
        final int c = codePointCompare(t, text(r.upper()));
        if (c > 0 || (c == 0 && r.upperOpen())) {
          return 0;
        }
      }
      return 1;
    }
    if (v instanceof Double || v instanceof Float) {
      final double d = ((Number) v).doubleValue();
      if (r.lower() != null) {
        final double lo = ((Number) r.lower()).doubleValue();
        if (d < lo || (d == lo && r.lowerOpen())) {
          return 0;
        }
      }
      if (r.upper() != null) {
        final double hi = ((Number) r.upper()).doubleValue();
        if (d > hi || (d == hi && r.upperOpen())) {
          return 0;
        }
      }
      return 1;
    }
    final BigDecimal number = v instanceof Long l ? BigDecimal.valueOf(l) : decimal(text(v));
    if (number == null) {
      return -1;
    }
    if (r.lower() != null) {
      final int c = number.compareTo(new BigDecimal(r.lower().toString()));
      if (c < 0 || (c == 0 && r.lowerOpen())) {
        return 0;
      }
    }
    if (r.upper() != null) {
      final int c = number.compareTo(new BigDecimal(r.upper().toString()));
      if (c > 0 || (c == 0 && r.upperOpen())) {
        return 0;
      }
    }
    return 1;
  }

  static String text(Object v) {
    return v == null ? null : v.toString();
  }

  static BigDecimal decimal(String text) {
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static int compare(StringOrdering ordering, String a, String b) {
    if (ordering == StringOrdering.NUMERIC) {
      final BigDecimal x = decimal(a);
      final BigDecimal y = decimal(b);
      if (x != null && y != null) {
        return x.compareTo(y);
      }
      if (x != null) {
        return -1;
      }
      if (y != null) {
        return 1;
      }
    }
    return codePointCompare(a, b);
  }

  static int codePointCompare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      final int x = a.codePointAt(i);
      final int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
