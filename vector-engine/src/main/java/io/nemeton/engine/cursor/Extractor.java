package io.nemeton.engine.cursor;

import io.nemeton.engine.expression.Expression;
import io.nemeton.engine.expression.ExpressionBinding;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.filter.SearchSpecs;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.extraction.CascadeExtractionFn;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.extraction.LowerExtractionFn;
import io.nemeton.engine.query.extraction.MapLookupExtractionFn;
import io.nemeton.engine.query.extraction.PartialExtractionFn;
import io.nemeton.engine.query.extraction.RegexExtractionFn;
import io.nemeton.engine.query.extraction.RegisteredLookupExtractionFn;
import io.nemeton.engine.query.extraction.SearchQueryExtractionFn;
import io.nemeton.engine.query.extraction.StrlenExtractionFn;
import io.nemeton.engine.query.extraction.SubstringExtractionFn;
import io.nemeton.engine.query.extraction.TimeFormatExtractionFn;
import io.nemeton.engine.query.extraction.UpperExtractionFn;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a legacy extraction function ({@code extractionFn}) to one value, with Druid's
 * SQL-compatible null handling: a function that finds nothing gives null. Inputs are row values
 * ({@code Long}, {@code Double}, {@code Float}, {@code String} or null); the result is a string or
 * null. Time formats take numbers as epoch milliseconds.
 *
 * <p>Thread-safe. The generic path: it allocates per call, so it runs per dictionary id where it
 * can and per row only where it must.
 */
public abstract class Extractor {

  /** The function's result for {@code value}. */
  public abstract String apply(Object value);

  /** Builds the extractor of {@code fn}; refuses registered lookups, which this engine lacks. */
  public static Extractor of(ExtractionFn fn) {
    return switch (fn) {
      case SubstringExtractionFn substring -> new Simple(value -> {
        if (value == null || substring.index() >= value.length()) {
          return null;
        }
        final int end = substring.length() == null
            ? value.length() : Math.min(value.length(), substring.index() + substring.length());
        return value.substring(substring.index(), end);
      });
      case StrlenExtractionFn strlen -> new Simple(value -> value == null ? null : String.valueOf(value.length()));
      case UpperExtractionFn upper -> new Simple(value -> value == null ? null : value.toUpperCase(locale(upper.locale())));
      case LowerExtractionFn lower -> new Simple(value -> value == null ? null : value.toLowerCase(locale(lower.locale())));
      case RegexExtractionFn regex -> {
        final Pattern pattern = Pattern.compile(regex.expr());
        yield new Simple(value -> {
          if (value != null) {
            final Matcher matcher = pattern.matcher(value);
            if (matcher.find()) {
              return emptyToNull(matcher.group(regex.index()));
            }
          }
          return regex.replaceMissingValue() ? regex.replaceMissingValueWith() : emptyToNull(value);
        });
      }
      case PartialExtractionFn partial -> {
        final Pattern pattern = Pattern.compile(partial.expr());
        yield new Simple(value -> value != null && pattern.matcher(value).find() ? value : null);
      }
      case SearchQueryExtractionFn search -> {
        final Predicate<String> accepts = SearchSpecs.predicate(search.query());
        yield new Simple(value -> value != null && accepts.test(value) ? value : null);
      }
      case MapLookupExtractionFn lookup -> new Simple(value -> {
        final String mapped = value == null ? null : lookup.map().get(value);
        if (mapped != null) {
          return emptyToNull(mapped);
        }
        return lookup.retainMissingValue() ? value : emptyToNull(lookup.replaceMissingValueWith());
      });
      case CascadeExtractionFn cascade -> {
        final List<Extractor> steps = cascade.extractionFns().stream().map(Extractor::of).toList();
        yield new Extractor() {
          @Override
          public String apply(Object value) {
            Object current = value;
            for (Extractor step : steps) {
              current = step.apply(current);
            }
            return (String) current;
          }
        };
      }
      case TimeFormatExtractionFn time -> new TimeFormat(time);
      case RegisteredLookupExtractionFn lookup -> throw new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
          "registeredLookup extraction '" + lookup.lookup() + "': this engine has no registered lookups");
    };
  }

  private static Locale locale(String tag) {
    return tag == null ? Locale.ROOT : Locale.forLanguageTag(tag);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  static String text(Object value) {
    return value == null ? null : value instanceof String text ? text : value.toString();
  }

  /** A function of the value's text. */
  private static final class Simple extends Extractor {
    private final java.util.function.Function<String, String> function;

    Simple(java.util.function.Function<String, String> function) {
      this.function = function;
    }

    @Override
    public String apply(Object value) {
      return function.apply(text(value));
    }
  }

  /** Formats epoch milliseconds (optionally floored to a granularity) with a Joda pattern. */
  private static final class TimeFormat extends Extractor {
    private final TimeBuckets buckets;
    private final Expression format;
    private final boolean asMillis;
    private final java.time.ZoneId zone;

    TimeFormat(TimeFormatExtractionFn fn) {
      this.buckets = fn.granularity() == null ? null : new TimeBuckets(fn.granularity());
      this.asMillis = fn.asMillis();
      this.zone = java.time.ZoneId.of(fn.timeZone() == null ? "UTC" : fn.timeZone());
      // the expression language already translates Joda patterns; reuse it rather than a second copy
      this.format = fn.format() == null ? null : ExpressionParser.parse("timestamp_format(t, " + quote(fn.format())
          + ", " + quote(zone.getId()) + ")");
    }

    private static String quote(String text) {
      return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String apply(Object value) {
      Long millis = null;
      if (value instanceof Number number) {
        millis = number.longValue();
      } else if (value instanceof String text) {
        try {
          millis = asMillis ? Long.parseLong(text.trim()) : io.nemeton.engine.query.time.IsoInstant.parse(text);
        } catch (IllegalArgumentException e) {
          millis = null;
        }
      }
      if (millis == null) {
        return null;
      }
      final long time = buckets == null ? millis : buckets.floor(millis);
      if (format == null) {
        return io.nemeton.engine.query.time.IsoInstant.format(time, zone);
      }
      final ExpressionBinding binding = name -> time;
      return format.evaluate(binding).asString();
    }
  }
}
