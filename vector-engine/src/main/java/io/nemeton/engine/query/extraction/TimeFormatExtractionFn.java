package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.GranularitySpec;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;

/**
 * Formats a timestamp ({@code __time}, or a string parsed as one): optional Joda {@code format}
 * (ISO-8601 when null), {@code timeZone}, {@code locale}, a {@code granularity} applied first, and
 * {@code asMillis} to read numeric strings as epoch milliseconds.
 */
public record TimeFormatExtractionFn(
    String format, String timeZone, String locale, GranularitySpec granularity, boolean asMillis)
    implements ExtractionFn {

  static TimeFormatExtractionFn parse(FieldReader reader) {
    final String timeZone = reader.optionalString("timeZone");
    if (timeZone != null) {
      GranularitySpec.zone(reader, "timeZone", timeZone);
    }
    return new TimeFormatExtractionFn(
        reader.optionalString("format"),
        timeZone,
        reader.optionalString("locale"),
        reader.optional("granularity", GranularitySpec::parse),
        reader.booleanOr("asMillis", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("timeFormat");
    JsonTrees.putIfPresent(node, "format", format);
    JsonTrees.putIfPresent(node, "timeZone", timeZone);
    JsonTrees.putIfPresent(node, "locale", locale);
    if (granularity != null) {
      node.set("granularity", granularity.toJson());
    }
    node.put("asMillis", asMillis);
    return node;
  }
}
