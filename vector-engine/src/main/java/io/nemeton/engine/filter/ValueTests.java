package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.filter.BoundFilter;
import io.nemeton.engine.query.filter.EqualityFilter;
import io.nemeton.engine.query.filter.RangeFilter;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.StringComparators;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Builds the {@link ValueTest} of each leaf filter with Druid's semantics for strings and numbers:
 * a number compares with a number by value, with a string by the string's numeric value when it
 * has one; strings compare as strings; null is UNKNOWN except to null tests. Stateless.
 */
public final class ValueTests {
  private ValueTests() {
  }

  /** The text form Druid gives a value: {@code 5}, {@code 5.0}, or the string itself. */
  public static String text(Object value) {
    return value == null ? null : value instanceof String text ? text : value.toString();
  }

  /** Rows whose value is null. */
  public static ValueTest isNull() {
    return value -> value == null ? ValueTest.TRUE : ValueTest.FALSE;
  }

  /** {@code selector}: equality with a string, which may be null (then a null test). */
  public static ValueTest selector(String match) {
    if (match == null) {
      return isNull();
    }
    final BigDecimal number = StringComparators.decimal(match);
    return value -> {
      if (value == null) {
        return ValueTest.UNKNOWN;
      }
      if (value instanceof Number numeric) {
        return number != null && sameNumber(numeric, number) ? ValueTest.TRUE : ValueTest.FALSE;
      }
      return match.equals(value) ? ValueTest.TRUE : ValueTest.FALSE;
    };
  }

  /** {@code in}: a null element matches null rows. */
  public static ValueTest in(List<String> values) {
    final Set<String> set = new HashSet<>(values);
    final boolean matchesNull = set.contains(null);
    final List<BigDecimal> numbers = values.stream().map(StringComparators::decimal)
        .filter(n -> n != null).toList();
    return value -> {
      if (value == null) {
        return matchesNull ? ValueTest.TRUE : ValueTest.UNKNOWN;
      }
      if (value instanceof Number numeric) {
        for (BigDecimal number : numbers) {
          if (sameNumber(numeric, number)) {
            return ValueTest.TRUE;
          }
        }
        return ValueTest.FALSE;
      }
      return set.contains(value) ? ValueTest.TRUE : ValueTest.FALSE;
    };
  }

  /** Whether a column number equals a match number, compared in the column's type. */
  static boolean sameNumber(Number value, BigDecimal match) {
    if (value instanceof Float f) {
      return f == match.floatValue();
    }
    if (value instanceof Double d) {
      return d == match.doubleValue();
    }
    return match.compareTo(BigDecimal.valueOf(value.longValue())) == 0;
  }

  /** {@code bound}: compared under the filter's ordering, on the value's text. */
  public static ValueTest bound(BoundFilter filter) {
    final StringOrdering ordering = filter.ordering();
    final String lower = filter.lower();
    final String upper = filter.upper();
    return value -> {
      final String text = text(value);
      if (text == null) {
        return ValueTest.UNKNOWN;
      }
      if (lower != null) {
        final int comparison = StringComparators.compare(ordering, text, lower);
        if (comparison < 0 || (comparison == 0 && filter.lowerStrict())) {
          return ValueTest.FALSE;
        }
      }
      if (upper != null) {
        final int comparison = StringComparators.compare(ordering, text, upper);
        if (comparison > 0 || (comparison == 0 && filter.upperStrict())) {
          return ValueTest.FALSE;
        }
      }
      return ValueTest.TRUE;
    };
  }

  /** {@code range}: typed bounds; a value that cannot take the match type is UNKNOWN. */
  public static ValueTest range(RangeFilter filter) {
    if (filter.matchValueType().kind() == ValueType.Kind.STRING) {
      final String lower = filter.lower() == null ? null : text(filter.lower());
      final String upper = filter.upper() == null ? null : text(filter.upper());
      return value -> {
        final String text = text(value);
        if (text == null) {
          return ValueTest.UNKNOWN;
        }
        if (lower != null) {
          final int comparison = StringComparators.lexicographic(text, lower);
          if (comparison < 0 || (comparison == 0 && filter.lowerOpen())) {
            return ValueTest.FALSE;
          }
        }
        if (upper != null) {
          final int comparison = StringComparators.lexicographic(text, upper);
          if (comparison > 0 || (comparison == 0 && filter.upperOpen())) {
            return ValueTest.FALSE;
          }
        }
        return ValueTest.TRUE;
      };
    }
    requireNumericOrString(filter.matchValueType(), "range");
    final BigDecimal lower = filter.lower() == null ? null : decimal(filter.lower(), "range lower");
    final BigDecimal upper = filter.upper() == null ? null : decimal(filter.upper(), "range upper");
    return value -> {
      if (value == null) {
        return ValueTest.UNKNOWN;
      }
      if (value instanceof Number numeric && !(numeric instanceof Long)) {
        final double number = numeric.doubleValue();
        if (Double.isNaN(number)) {
          return ValueTest.FALSE;
        }
        if (lower != null) {
          final double bound = lower.doubleValue();
          if (number < bound || (number == bound && filter.lowerOpen())) {
            return ValueTest.FALSE;
          }
        }
        if (upper != null) {
          final double bound = upper.doubleValue();
          if (number > bound || (number == bound && filter.upperOpen())) {
            return ValueTest.FALSE;
          }
        }
        return ValueTest.TRUE;
      }
      final BigDecimal number = numberOf(value);
      if (number == null) {
        return ValueTest.UNKNOWN;
      }
      if (lower != null) {
        final int comparison = number.compareTo(lower);
        if (comparison < 0 || (comparison == 0 && filter.lowerOpen())) {
          return ValueTest.FALSE;
        }
      }
      if (upper != null) {
        final int comparison = number.compareTo(upper);
        if (comparison > 0 || (comparison == 0 && filter.upperOpen())) {
          return ValueTest.FALSE;
        }
      }
      return ValueTest.TRUE;
    };
  }

  /** {@code equals}: typed equality; null never matches. */
  public static ValueTest equality(EqualityFilter filter) {
    if (filter.matchValueType().kind() == ValueType.Kind.STRING) {
      final String match = text(filter.matchValue());
      return value -> value == null ? ValueTest.UNKNOWN
          : match.equals(text(value)) ? ValueTest.TRUE : ValueTest.FALSE;
    }
    requireNumericOrString(filter.matchValueType(), "equals");
    final BigDecimal match = decimal(filter.matchValue(), "equals matchValue");
    return value -> {
      if (value instanceof Number numeric && !(numeric instanceof Long)) {
        return sameNumber(numeric, match) ? ValueTest.TRUE : ValueTest.FALSE;
      }
      final BigDecimal number = numberOf(value);
      if (number == null) {
        return ValueTest.UNKNOWN;
      }
      return number.compareTo(match) == 0 ? ValueTest.TRUE : ValueTest.FALSE;
    };
  }

  private static void requireNumericOrString(ValueType type, String filter) {
    if (!type.isNumeric()) {
      throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
          filter + " filter with matchValueType " + type + " is not supported; use STRING, LONG, FLOAT or DOUBLE");
    }
  }

  private static BigDecimal decimal(Object value, String what) {
    final BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : StringComparators.decimal(text(value));
    if (number == null) {
      throw new QueryException(QueryErrorCode.INVALID_QUERY, what + ": '" + value + "' is not a number");
    }
    return number;
  }

  /** A value as an exact decimal, or null (null, NaN, infinities, text that is not a number). */
  static BigDecimal numberOf(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Number n) {
      final double d = n.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(n.toString()) : null;
    }
    return StringComparators.decimal(text(value));
  }

  /** SQL LIKE with {@code %} and {@code _}, matching the whole value. */
  public static ValueTest like(String pattern, String escape) {
    final Pattern regex = Pattern.compile(likeToRegex(pattern, escape == null ? null : escape.charAt(0)),
        Pattern.DOTALL);
    return of(value -> regex.matcher(value).matches());
  }

  static String likeToRegex(String pattern, Character escape) {
    final StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      final char c = pattern.charAt(i);
      if (escape != null && c == escape && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  /** {@code regex}: the pattern found anywhere in the value. */
  public static ValueTest regex(String pattern) {
    final Pattern regex = Pattern.compile(pattern);
    return of(value -> regex.matcher(value).find());
  }

  /** A predicate of the value's text; null is UNKNOWN. */
  public static ValueTest of(Predicate<String> predicate) {
    return value -> {
      final String text = text(value);
      return text == null ? ValueTest.UNKNOWN : predicate.test(text) ? ValueTest.TRUE : ValueTest.FALSE;
    };
  }

  /** {@code interval}: epoch milliseconds inside any interval. */
  public static ValueTest interval(List<Interval> intervals) {
    return value -> {
      final Long millis = value instanceof Number n ? Long.valueOf(n.longValue())
          : value instanceof String s ? parseLong(s) : null;
      if (millis == null) {
        return ValueTest.UNKNOWN;
      }
      for (Interval interval : intervals) {
        if (interval.contains(millis)) {
          return ValueTest.TRUE;
        }
      }
      return ValueTest.FALSE;
    };
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Applies an extraction function before the test. */
  public static ValueTest extracted(Extractor extractor, ValueTest test) {
    return value -> test.test(extractor.apply(value));
  }
}
