package io.nemeton.engine.wire;

import io.nemeton.engine.query.DataSourceMetadataQuery;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.ScanQuery;
import io.nemeton.engine.query.SearchQuery;
import io.nemeton.engine.query.SegmentMetadataQuery;
import io.nemeton.engine.query.TimeBoundaryQuery;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.memory.GrowableBytes;
import java.util.Objects;

/**
 * Partial results as bytes and back, for every query type: what a data node sends the broker for
 * each segment, and what the broker's per-segment cache keeps. Decoding needs the same query the
 * partial was computed for (it gives the number of aggregators and dimensions, which are checked),
 * and never the segment: a groupBy partial still holding a segment's dictionaries is materialized
 * into plain values when encoded, so encode it while that segment is open. The guarantee is {@code
 * finish(merge(decode(encode(p)))) == finish(merge(p))}: numbers keep their Java type and bits,
 * sketches travel in their DataSketches serialized form, nulls are explicit, and map orders are
 * kept. The format is {@link WireLayout}, described in {@code vector-engine/WIRE.md}.
 *
 * <p>Stateless and thread-safe. Encoding allocates the output (and a string table); decoding
 * allocates the partial it returns and never keeps a reference to the input array.
 */
public final class PartialResults {
  private PartialResults() {
  }

  /** The encoding of {@code partial}, computed for {@code query}, as a new array. */
  public static byte[] encode(Query query, PartialResult partial) {
    final GrowableBytes out = new GrowableBytes(256);
    encode(query, partial, out);
    return out.toByteArray();
  }

  /**
   * Appends the encoding of {@code partial} to {@code out}.
   *
   * @throws IllegalArgumentException when the partial is not of the query's type, does not match
   *     the query's shape, or holds a value the format cannot carry
   */
  public static void encode(Query query, PartialResult partial, GrowableBytes out) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(partial, "partial");
    final WireWriter writer = new WireWriter(out);
    writer.writeByte(WireLayout.VERSION);
    switch (query) {
      case TimeseriesQuery timeseries -> {
        writer.writeByte(WireLayout.QUERY_TIMESERIES);
        AggregatedPartials.writeTimeseries(timeseries, partial, writer);
      }
      case TopNQuery topN -> {
        writer.writeByte(WireLayout.QUERY_TOP_N);
        AggregatedPartials.writeTopN(topN, partial, writer);
      }
      case GroupByQuery groupBy -> {
        writer.writeByte(WireLayout.QUERY_GROUP_BY);
        AggregatedPartials.writeGroupBy(groupBy, partial, writer);
      }
      case ScanQuery scan -> {
        writer.writeByte(WireLayout.QUERY_SCAN);
        ListedPartials.writeScan(partial, writer);
      }
      case SearchQuery search -> {
        writer.writeByte(WireLayout.QUERY_SEARCH);
        ListedPartials.writeSearch(partial, writer);
      }
      case TimeBoundaryQuery boundary -> {
        writer.writeByte(WireLayout.QUERY_TIME_BOUNDARY);
        ListedPartials.writeTimeBoundary(partial, writer);
      }
      case SegmentMetadataQuery metadata -> {
        writer.writeByte(WireLayout.QUERY_SEGMENT_METADATA);
        ListedPartials.writeSegmentMetadata(partial, writer);
      }
      case DataSourceMetadataQuery metadata -> {
        writer.writeByte(WireLayout.QUERY_DATA_SOURCE_METADATA);
        ListedPartials.writeDataSourceMetadata(partial, writer);
      }
    }
  }

  /**
   * The partial encoded in {@code bytes[offset, offset + length)} for {@code query}.
   *
   * @throws PartialFormatException when the bytes are not a whole, valid encoding for this query
   */
  public static PartialResult decode(Query query, byte[] bytes, int offset, int length) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(bytes, "bytes");
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IllegalArgumentException("partial result range offset=" + offset + " length=" + length
          + " is outside the array of " + bytes.length + " bytes");
    }
    final int expectedTag = queryTag(query);
    final WireReader reader = new WireReader(bytes, offset, length, WireLayout.queryTypeName(expectedTag));
    final int version = reader.readByte("version");
    if (version != WireLayout.VERSION) {
      throw reader.error("version", "version " + version + " is not the supported version " + WireLayout.VERSION);
    }
    final int tag = reader.readByte("queryType");
    if (tag != expectedTag) {
      throw reader.error("queryType", "tag " + tag + " (" + WireLayout.queryTypeName(tag) + ") does not match the "
          + "query's type, expected " + expectedTag);
    }
    final PartialResult partial = switch (query) {
      case TimeseriesQuery timeseries -> AggregatedPartials.readTimeseries(timeseries, reader);
      case TopNQuery topN -> AggregatedPartials.readTopN(topN, reader);
      case GroupByQuery groupBy -> AggregatedPartials.readGroupBy(groupBy, reader);
      case ScanQuery scan -> ListedPartials.readScan(reader);
      case SearchQuery search -> ListedPartials.readSearch(reader);
      case TimeBoundaryQuery boundary -> ListedPartials.readTimeBoundary(reader);
      case SegmentMetadataQuery metadata -> ListedPartials.readSegmentMetadata(reader);
      case DataSourceMetadataQuery metadata -> ListedPartials.readDataSourceMetadata(reader);
    };
    reader.expectEnd();
    return partial;
  }

  private static int queryTag(Query query) {
    return switch (query) {
      case TimeseriesQuery timeseries -> WireLayout.QUERY_TIMESERIES;
      case TopNQuery topN -> WireLayout.QUERY_TOP_N;
      case GroupByQuery groupBy -> WireLayout.QUERY_GROUP_BY;
      case ScanQuery scan -> WireLayout.QUERY_SCAN;
      case SearchQuery search -> WireLayout.QUERY_SEARCH;
      case TimeBoundaryQuery boundary -> WireLayout.QUERY_TIME_BOUNDARY;
      case SegmentMetadataQuery metadata -> WireLayout.QUERY_SEGMENT_METADATA;
      case DataSourceMetadataQuery metadata -> WireLayout.QUERY_DATA_SOURCE_METADATA;
    };
  }
}
