package io.nemeton.engine.testing;

import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.aggregation.CountAggregator;
import io.nemeton.engine.query.aggregation.DoubleMeanAggregator;
import io.nemeton.engine.query.aggregation.FilteredAggregator;
import io.nemeton.engine.query.aggregation.FirstLastAggregator;
import io.nemeton.engine.query.aggregation.NumericAggregator;
import java.util.List;
import java.util.Map;

/**
 * Row-at-a-time reference aggregation for tests: folds rows into a finalized value. Supports count,
 * sum/min/max in each type, doubleMean, first/last and filtered. Not thread-safe.
 */
public final class NaiveAggregator {
  private final Aggregator spec;
  private final NaiveAggregator inner;
  private long count;
  private Object value;
  private boolean seen;
  private long bestTime;
  private double meanSum;
  private long meanCount;

  public NaiveAggregator(Aggregator spec) {
    this.spec = spec;
    this.inner = spec instanceof FilteredAggregator filtered ? new NaiveAggregator(filtered.aggregator()) : null;
  }

  public void add(Map<String, Object> row) {
    switch (spec) {
      case CountAggregator c -> count++;
      case FilteredAggregator f -> {
        if (NaiveFilters.matches(f.filter(), row)) {
          inner.add(row);
        }
      }
      case NumericAggregator n -> {
        final Object raw = number(row.get(n.fieldName()));
        if (raw == null) {
          return;
        }
        final Object converted = switch (n.kind()) {
          case LONG_SUM, LONG_MIN, LONG_MAX -> (Object) ((Number) raw).longValue();
          // float sums widen each float and add in double, rounding once at the end
          case FLOAT_SUM -> (Object) (double) ((Number) raw).floatValue();
          case FLOAT_MIN, FLOAT_MAX -> (Object) ((Number) raw).floatValue();
          default -> (Object) ((Number) raw).doubleValue();
        };
        if (value == null) {
          value = converted;
          return;
        }
        value = switch (n.kind()) {
          case LONG_SUM -> (Long) value + (Long) converted;
          case LONG_MIN -> Math.min((Long) value, (Long) converted);
          case LONG_MAX -> Math.max((Long) value, (Long) converted);
          case DOUBLE_SUM -> (Double) value + (Double) converted;
          case DOUBLE_MIN -> Math.min((Double) value, (Double) converted);
          case DOUBLE_MAX -> Math.max((Double) value, (Double) converted);
          case FLOAT_SUM -> (Double) value + (Double) converted;
          case FLOAT_MIN -> Math.min((Float) value, (Float) converted);
          case FLOAT_MAX -> Math.max((Float) value, (Float) converted);
        };
      }
      case DoubleMeanAggregator m -> {
        final Object raw = number(row.get(m.fieldName()));
        if (raw != null) {
          meanSum += ((Number) raw).doubleValue();
          meanCount++;
        }
      }
      case FirstLastAggregator fl -> {
        final long time = ((Number) row.get(fl.timeColumn() == null ? "__time" : fl.timeColumn())).longValue();
        final boolean better = !seen || (fl.kind().first() ? time < bestTime : time >= bestTime);
        if (!better) {
          return;
        }
        seen = true;
        bestTime = time;
        final Object raw = row.get(fl.fieldName());
        value = switch (fl.kind().type().kind()) {
          case LONG -> raw == null ? null : (Object) ((Number) number(raw)).longValue();
          case DOUBLE -> raw == null ? null : (Object) ((Number) number(raw)).doubleValue();
          case FLOAT -> raw == null ? null : (Object) ((Number) number(raw)).floatValue();
          default -> raw == null ? null : raw instanceof List<?> list && list.size() == 1
              ? (list.get(0) == null ? null : list.get(0).toString()) : raw.toString();
        };
      }
      default -> throw new IllegalArgumentException("naive aggregation does not know " + spec);
    }
  }

  private static Object number(Object raw) {
    if (raw instanceof List<?> list) {
      return list.size() == 1 ? number(list.get(0)) : null;
    }
    if (raw instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e2) {
          return null;
        }
      }
    }
    return raw;
  }

  /** Folds another partial of the same aggregator (a later segment) into this one. */
  public void merge(NaiveAggregator other) {
    switch (spec) {
      case CountAggregator c -> count += other.count;
      case FilteredAggregator f -> inner.merge(other.inner);
      case NumericAggregator n -> {
        if (other.value == null) {
          return;
        }
        if (value == null) {
          value = other.value;
          return;
        }
        value = switch (n.kind()) {
          case LONG_SUM -> (Long) value + (Long) other.value;
          case LONG_MIN -> Math.min((Long) value, (Long) other.value);
          case LONG_MAX -> Math.max((Long) value, (Long) other.value);
          case DOUBLE_SUM -> (Double) value + (Double) other.value;
          case DOUBLE_MIN -> Math.min((Double) value, (Double) other.value);
          case DOUBLE_MAX -> Math.max((Double) value, (Double) other.value);
          case FLOAT_SUM -> (Double) value + (Double) other.value;
          case FLOAT_MIN -> Math.min((Float) value, (Float) other.value);
          case FLOAT_MAX -> Math.max((Float) value, (Float) other.value);
        };
      }
      case DoubleMeanAggregator m -> {
        meanSum += other.meanSum;
        meanCount += other.meanCount;
      }
      case FirstLastAggregator fl -> {
        if (!other.seen) {
          return;
        }
        final boolean better = !seen || (fl.kind().first() ? other.bestTime < bestTime : other.bestTime >= bestTime);
        if (better) {
          seen = true;
          bestTime = other.bestTime;
          value = other.value;
        }
      }
      default -> throw new IllegalArgumentException("naive aggregation does not know " + spec);
    }
  }

  /** The finalized value. */
  public Object result() {
    return switch (spec) {
      case CountAggregator c -> count;
      case FilteredAggregator f -> inner.result();
      case DoubleMeanAggregator m -> meanCount == 0 ? null : meanSum / meanCount;
      case NumericAggregator n when n.kind() == NumericAggregator.Kind.FLOAT_SUM && value != null ->
          ((Double) value).floatValue();
      default -> value;
    };
  }
}
