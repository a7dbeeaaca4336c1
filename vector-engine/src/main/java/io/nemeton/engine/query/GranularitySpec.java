package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.engine.query.time.IsoPeriod;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A query granularity as written in a query: a simple name ({@code "day"}), {@code
 * {"type":"period","period":"P1D","timeZone":...,"origin":...}} or {@code
 * {"type":"duration","duration":ms,"origin":...}}. A value type only: the engine builds its
 * bucketing from it. Immutable and thread-safe.
 *
 * @param kind which of the three forms
 * @param name for {@link Kind#SIMPLE}: the lower-case name ({@code all}, {@code none}, {@code
 *     day}, ...), else null
 * @param period for {@link Kind#PERIOD}: the period, else null
 * @param timeZone for {@link Kind#PERIOD}: the zone id as given, or null for UTC
 * @param originMs for PERIOD and DURATION: the alignment origin, or null for the default
 * @param durationMs for {@link Kind#DURATION}: the bucket length, else 0
 */
public record GranularitySpec(
    Kind kind, String name, IsoPeriod period, String timeZone, Long originMs, long durationMs) {

  /** The three forms of granularity. */
  public enum Kind { SIMPLE, PERIOD, DURATION }

  /** Druid's simple granularity names, in order of increasing length. */
  public static final List<String> SIMPLE_NAMES = List.of(
      "none", "second", "minute", "five_minute", "ten_minute", "fifteen_minute", "thirty_minute",
      "hour", "six_hour", "eight_hour", "day", "week", "month", "quarter", "year", "all");

  private static final List<String> SIMPLE_PERIODS = List.of(
      "PT0.001S", "PT1S", "PT1M", "PT5M", "PT10M", "PT15M", "PT30M",
      "PT1H", "PT6H", "PT8H", "P1D", "P1W", "P1M", "P3M", "P1Y", "");

  public static final GranularitySpec ALL = simple("all");
  public static final GranularitySpec NONE = simple("none");

  /** A simple granularity by name. */
  public static GranularitySpec simple(String name) {
    return new GranularitySpec(Kind.SIMPLE, name, null, null, null, 0);
  }

  /** Reads any of the three forms at {@code path}. */
  public static GranularitySpec parse(JsonNode node, String path) {
    if (!node.isObject()) {
      final String text = JsonValues.text(node, path);
      final String lower = text.toLowerCase(Locale.ROOT);
      if (!SIMPLE_NAMES.contains(lower)) {
        throw new InvalidQueryException(path, "unknown granularity '" + text + "'; supported: "
            + String.join(", ", SIMPLE_NAMES) + ", or a period or duration object");
      }
      return simple(lower);
    }
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    switch (type) {
      case "all":
        return ALL;
      case "none":
        return NONE;
      case "period": {
        final String periodText = reader.requiredString("period");
        final IsoPeriod period;
        try {
          period = IsoPeriod.parse(periodText);
        } catch (IllegalArgumentException e) {
          throw reader.invalid("period", e.getMessage());
        }
        if (period.isZero()) {
          throw reader.invalid("period", "must not be zero, got '" + periodText + "'");
        }
        final String timeZone = reader.optionalString("timeZone");
        final ZoneId zone = timeZone == null ? ZoneId.of("UTC") : zone(reader, "timeZone", timeZone);
        return new GranularitySpec(Kind.PERIOD, null, period, timeZone, origin(reader, zone), 0);
      }
      case "duration": {
        final long duration = reader.longOr("duration", 0);
        if (!reader.has("duration")) {
          throw reader.missing("duration");
        }
        if (duration <= 0) {
          throw reader.invalid("duration", "must be a positive number of milliseconds, got " + duration);
        }
        return new GranularitySpec(Kind.DURATION, null, null, null, origin(reader, ZoneId.of("UTC")), duration);
      }
      default:
        throw reader.unknownType("granularity", type, List.of("all", "none", "period", "duration"));
    }
  }

  /** Parses a time zone id (e.g. {@code America/Los_Angeles}, {@code +08:00}) at a field. */
  public static ZoneId zone(FieldReader reader, String field, String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw reader.invalid(field, "unknown time zone '" + id + "'");
    }
  }

  private static Long origin(FieldReader reader, ZoneId zone) {
    final JsonNode origin = reader.get("origin");
    if (origin == null) {
      return null;
    }
    if (origin.isNumber()) {
      return JsonValues.longValue(origin, reader.pathOf("origin"));
    }
    try {
      return IsoInstant.parse(JsonValues.text(origin, reader.pathOf("origin")), zone);
    } catch (IllegalArgumentException e) {
      throw reader.invalid("origin", e.getMessage());
    }
  }

  public boolean isAll() {
    return kind == Kind.SIMPLE && name.equals("all");
  }

  public boolean isNone() {
    return kind == Kind.SIMPLE && name.equals("none");
  }

  /**
   * The bucket period of a simple or period granularity ({@code day} is {@code P1D}, {@code none}
   * is one millisecond); null for {@code all} and for durations.
   */
  public IsoPeriod bucketPeriod() {
    return switch (kind) {
      case SIMPLE -> isAll() ? null : IsoPeriod.parse(SIMPLE_PERIODS.get(SIMPLE_NAMES.indexOf(name)));
      case PERIOD -> period;
      case DURATION -> null;
    };
  }

  /** The zone buckets follow: the period's zone, else UTC. */
  public ZoneId zone() {
    return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
  }

  /** A simple name as a string, other forms as objects. */
  public JsonNode toJson() {
    return switch (kind) {
      case SIMPLE -> JsonNodeFactory.instance.textNode(name);
      case PERIOD -> {
        final ObjectNode node = JsonTrees.typed("period");
        node.put("period", period.toString());
        JsonTrees.putIfPresent(node, "timeZone", timeZone);
        if (originMs != null) {
          node.put("origin", IsoInstant.format(originMs));
        }
        yield node;
      }
      case DURATION -> {
        final ObjectNode node = JsonTrees.typed("duration");
        node.put("duration", durationMs);
        if (originMs != null) {
          node.put("origin", IsoInstant.format(originMs));
        }
        yield node;
      }
    };
  }
}
