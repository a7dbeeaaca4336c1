package io.nemeton.segment.ingest.spec;

import io.nemeton.segment.time.IsoTimestamps;
import io.nemeton.segment.time.TimestampParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each row's time comes from: the input {@code column}, its {@code format} (see {@link
 * TimestampParser}) and the time used when the column is null or missing ({@code missingValueMs},
 * null when such rows are unparseable).
 *
 * <p>Immutable and thread-safe.
 */
public record TimestampSpec(String column, String format, Long missingValueMs) {
  public static final String DEFAULT_COLUMN = "timestamp";
  public static final String DEFAULT_FORMAT = "auto";

  public TimestampSpec {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(format, "format");
  }

  /** A parser for {@link #format()}; throws {@link IllegalArgumentException} for a bad pattern. */
  public TimestampParser parser() {
    return TimestampParser.forFormat(format);
  }

  /** The spec as plain JSON values, as kept in segment metadata. */
  public Map<String, Object> toJson() {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("column", column);
    json.put("format", format);
    json.put("missingValue", missingValueMs == null ? null : IsoTimestamps.format(missingValueMs));
    return json;
  }
}
