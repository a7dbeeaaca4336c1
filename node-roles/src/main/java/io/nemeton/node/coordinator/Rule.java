package io.nemeton.node.coordinator;

import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoPeriod;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * One Druid load or drop rule. A segment follows the first rule of its datasource's list, then of
 * the default list, that {@link #appliesTo} it; a load rule says how many replicas each tier
 * holds, a drop rule that no tier holds any.
 *
 * <p>When a rule applies, with {@code now} the coordinator run's time:
 *
 * <ul>
 *   <li>{@code loadForever}, {@code dropForever}: always;
 *   <li>{@code loadByPeriod}: the segment overlaps {@code [now - period, now)}, or, with {@code
 *       includeFuture} (the default), {@code [now - period, ∞)};
 *   <li>{@code dropByPeriod}: the segment lies within {@code [now - period, now)}, or, with {@code
 *       includeFuture}, starts at or after {@code now - period};
 *   <li>{@code dropBeforeByPeriod}: the segment ends at or before {@code now - period};
 *   <li>{@code loadByInterval}: the segment overlaps the interval; {@code dropByInterval}: the
 *       segment lies within it.
 * </ul>
 *
 * Immutable.
 *
 * @param period for the by-period rules, else null
 * @param interval for the by-interval rules, else null
 * @param tieredReplicants replicas per tier for load rules; empty for drop rules
 */
public record Rule(String type, IsoPeriod period, boolean includeFuture, Interval interval,
    Map<String, Integer> tieredReplicants) {

  public Rule {
    Objects.requireNonNull(type, "type");
    tieredReplicants = Map.copyOf(tieredReplicants);
  }

  public boolean isLoad() {
    return type.startsWith("load");
  }

  public boolean appliesTo(long startMs, long endMs, long nowMs) {
    return switch (type) {
      case "loadForever", "dropForever" -> true;
      case "loadByPeriod" -> {
        final long from = period.addTo(nowMs, ZoneOffset.UTC, -1);
        yield startMs < (includeFuture ? Long.MAX_VALUE : nowMs) && endMs > from;
      }
      case "dropByPeriod" -> {
        final long from = period.addTo(nowMs, ZoneOffset.UTC, -1);
        yield includeFuture ? startMs >= from : startMs >= from && endMs <= nowMs;
      }
      case "dropBeforeByPeriod" -> endMs <= period.addTo(nowMs, ZoneOffset.UTC, -1);
      case "loadByInterval" -> startMs < interval.endMs() && endMs > interval.startMs();
      case "dropByInterval" -> startMs >= interval.startMs() && endMs <= interval.endMs();
      default -> throw new IllegalStateException("rule type " + type + " has no match");
    };
  }
}
