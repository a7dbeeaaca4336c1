package io.nemeton.node.remote;

import io.nemeton.engine.metadata.DataSourceMetadataPartial;
import io.nemeton.engine.metadata.TimeBoundaryPartial;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.timeseries.TimeseriesPartial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partial-result codec for the query types whose partials hold only plain values: timeseries
 * (aggregator values that are longs, doubles, floats, strings or null), timeBoundary and
 * dataSourceMetadata. Other types, and aggregators with richer states (sketches, first/last,
 * means), are refused as unsupported. Stateless and thread-safe; allocates its output.
 *
 * <pre>
 * byte kind: 1 timeseries, 2 timeBoundary, 3 dataSourceMetadata      (big-endian integers)
 * timeseries:         int32 buckets, then per bucket int64 start, int32 n, n x value
 * timeBoundary:       value min, value max
 * dataSourceMetadata: value max
 * value: byte tag (0 null, 1 int64, 2 float64, 3 float32, 4 UTF-8 string with int32 length), bytes
 * </pre>
 *
 * The engine's general codec replaces it where available; the layout is private to one cluster
 * version (brokers and historicals of one release).
 */
public final class InterimPartialCodec implements PartialCodec {
  private static final byte TIMESERIES = 1;
  private static final byte TIME_BOUNDARY = 2;
  private static final byte DATA_SOURCE_METADATA = 3;

  @Override
  public byte[] encode(Query query, PartialResult partial) {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      switch (partial) {
        case TimeseriesPartial timeseries -> {
          out.writeByte(TIMESERIES);
          out.writeInt(timeseries.buckets().size());
          for (Map.Entry<Long, Object[]> bucket : timeseries.buckets().entrySet()) {
            out.writeLong(bucket.getKey());
            out.writeInt(bucket.getValue().length);
            for (Object value : bucket.getValue()) {
              writeValue(out, value, query);
            }
          }
        }
        case TimeBoundaryPartial boundary -> {
          out.writeByte(TIME_BOUNDARY);
          writeValue(out, boundary.minTimeMs(), query);
          writeValue(out, boundary.maxTimeMs(), query);
        }
        case DataSourceMetadataPartial metadata -> {
          out.writeByte(DATA_SOURCE_METADATA);
          writeValue(out, metadata.maxTimeMs(), query);
        }
        default -> throw unsupported(query, partial.getClass().getSimpleName());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a partial result to memory", e);
    }
    return bytes.toByteArray();
  }

  private static void writeValue(DataOutputStream out, Object value, Query query) throws IOException {
    switch (value) {
      case null -> out.writeByte(0);
      case Long l -> {
        out.writeByte(1);
        out.writeLong(l);
      }
      case Double d -> {
        out.writeByte(2);
        out.writeDouble(d);
      }
      case Float f -> {
        out.writeByte(3);
        out.writeFloat(f);
      }
      case String s -> {
        final byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte(4);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      default -> throw unsupported(query, "a value of " + value.getClass().getSimpleName());
    }
  }

  @Override
  public PartialResult decode(Query query, byte[] bytes, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      final byte kind = in.readByte();
      final PartialResult partial = switch (kind) {
        case TIMESERIES -> {
          final int buckets = checkCount(in.readInt(), length, "buckets");
          final TreeMap<Long, Object[]> map = new TreeMap<>();
          for (int b = 0; b < buckets; b++) {
            final long start = in.readLong();
            final Object[] values = new Object[checkCount(in.readInt(), length, "values")];
            for (int v = 0; v < values.length; v++) {
              values[v] = readValue(in, length);
            }
            map.put(start, values);
          }
          yield new TimeseriesPartial(map);
        }
        case TIME_BOUNDARY -> new TimeBoundaryPartial((Long) readValue(in, length), (Long) readValue(in, length));
        case DATA_SOURCE_METADATA -> new DataSourceMetadataPartial((Long) readValue(in, length));
        default -> throw new IllegalArgumentException("partial result kind=" + kind + " unknown (known: 1..3)");
      };
      if (in.available() != 0) {
        throw new IllegalArgumentException("partial result of " + query.queryType() + ": " + in.available()
            + " trailing bytes");
      }
      return partial;
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("partial result of " + query.queryType() + " bytes=" + length
          + " is malformed: " + e, e);
    }
  }

  private static Object readValue(DataInputStream in, int limit) throws IOException {
    final byte tag = in.readByte();
    return switch (tag) {
      case 0 -> null;
      case 1 -> in.readLong();
      case 2 -> in.readDouble();
      case 3 -> in.readFloat();
      case 4 -> {
        final byte[] utf8 = new byte[checkCount(in.readInt(), limit, "string bytes")];
        in.readFully(utf8);
        yield new String(utf8, StandardCharsets.UTF_8);
      }
      default -> throw new IllegalArgumentException("partial result value tag=" + tag + " unknown (known: 0..4)");
    };
  }

  private static int checkCount(int count, int limit, String what) {
    if (count < 0 || count > limit) {
      throw new IllegalArgumentException("partial result " + what + "=" + count + " limit=" + limit);
    }
    return count;
  }

  private static QueryException unsupported(Query query, String what) {
    return new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION, "queryType=" + query.queryType()
        + ": a cluster broker cannot yet carry " + what + " between nodes");
  }
}
