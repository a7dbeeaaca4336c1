package io.nemeton.segment.ingest.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How input text becomes fields. JSON: one object per line, optional {@code flattenSpec} and
 * Jackson {@code featureSpec}. CSV and TSV: {@code columns} or {@code findColumnsFromHeader},
 * {@code skipHeaderRows} lines skipped first, {@code listDelimiter} splitting multi-value fields
 * (default Ctrl-A), and for TSV the field {@code delimiter} (default tab).
 *
 * <p>Immutable and thread-safe.
 */
public record InputFormatSpec(InputFormat format, List<String> columns, boolean findColumnsFromHeader,
    int skipHeaderRows, String listDelimiter, String delimiter, FlattenSpec flattenSpec,
    Map<String, Boolean> jsonFeatures) {
  public static final String DEFAULT_LIST_DELIMITER = "\u0001";

  public InputFormatSpec {
    Objects.requireNonNull(format, "format");
    columns = List.copyOf(columns);
    jsonFeatures = Map.copyOf(jsonFeatures);
  }

  /** Plain JSON lines. */
  public static InputFormatSpec json() {
    return new InputFormatSpec(InputFormat.JSON, List.of(), false, 0, DEFAULT_LIST_DELIMITER, null,
        new FlattenSpec(true, List.of()), Map.of());
  }
}
