package io.nemeton.segment;

import java.util.Map;
import java.util.Objects;

/**
 * Identity and ingest-time metadata of one segment.
 *
 * @param dataSource the datasource name
 * @param intervalStartMs inclusive start of the segment's time chunk, epoch millis UTC
 * @param intervalEndMs exclusive end of the time chunk
 * @param version ISO-8601 version string (MVCC: the highest complete version wins)
 * @param partition partition number within (dataSource, interval, version)
 * @param metadata JSON-able ingest metadata kept in the header, as Druid's metadata.drd: keys
 *     {@code aggregators} (list of aggregator spec maps), {@code timestampSpec}, {@code
 *     queryGranularity}, {@code rollup}. Values are plain JSON types (Map, List, String, Number,
 *     Boolean, null).
 */
public record SegmentInfo(
    String dataSource,
    long intervalStartMs,
    long intervalEndMs,
    String version,
    int partition,
    Map<String, Object> metadata) {

  public SegmentInfo {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(version, "version");
    if (intervalEndMs < intervalStartMs) {
      throw new IllegalArgumentException(
          "segment interval end=" + intervalEndMs + " is before start=" + intervalStartMs);
    }
    if (partition < 0) {
      throw new IllegalArgumentException("segment partition=" + partition + " must be >= 0");
    }
    metadata = metadata == null ? Map.of() : metadata;
  }

  private static final java.time.format.DateTimeFormatter ISO_MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  /**
   * Druid's segment id: {@code dataSource_start_end_version[_partition]} with ISO instants that
   * always carry milliseconds, as Druid prints them ({@code 2018-01-01T00:00:00.000Z}).
   */
  public String segmentId() {
    String id = dataSource + "_" + ISO_MILLIS.format(java.time.Instant.ofEpochMilli(intervalStartMs)) + "_"
        + ISO_MILLIS.format(java.time.Instant.ofEpochMilli(intervalEndMs)) + "_" + version;
    return partition == 0 ? id : id + "_" + partition;
  }
}
