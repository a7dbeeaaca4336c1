package io.nemeton.node.remote;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryContext;
import io.nemeton.memory.GrowableBytes;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;

/**
 * The bytes a broker and a historical put inside the transport's opaque QUERY and PARTIAL
 * payloads (see {@code transport-aeron/PROTOCOL.md} for the frames around them). Little-endian.
 *
 * <pre>
 * query:   byte version (1) | byte flags (0x1 PER_SEGMENT: one result per segment) | query JSON (UTF-8)
 *
 * result:  byte kind | int32 count | count x int32 index | partial bytes (kind SEGMENTS only)
 *          kind 1 SEGMENTS: the partial result of the listed segments, merged (one index when
 *                           PER_SEGMENT was asked for)
 *          kind 2 MISSING:  the listed segments are not served here (dropped meanwhile); the
 *                           broker asks another replica
 * </pre>
 *
 * The query JSON leaves out the context keys that only name one execution ({@link #withoutIds}):
 * the historical does not use them, and without them a repeated query has the same bytes each
 * time, which the historical's parse cache keys on. Indexes point into the request's segment list. Stateless; every method allocates its result.
 */
public final class RemoteLayout {
  public static final byte VERSION = 1;
  public static final byte FLAG_PER_SEGMENT = 0x1;
  public static final byte KIND_SEGMENTS = 1;
  public static final byte KIND_MISSING = 2;
  static final int QUERY_HEADER_BYTES = 2;

  private RemoteLayout() {}

  /** Context keys naming one execution of a query (a fresh id per HTTP request). */
  static final List<String> ID_KEYS = List.of("queryId", "sqlQueryId");

  /** {@code query} without the context keys of {@link #ID_KEYS} (itself when it has none). */
  public static Query withoutIds(Query query) {
    final Map<String, Object> values = query.context().values();
    boolean any = false;
    for (String key : ID_KEYS) {
      any |= values.containsKey(key);
    }
    if (!any) {
      return query;
    }
    final Map<String, Object> kept = new LinkedHashMap<>(values);
    kept.keySet().removeAll(ID_KEYS);
    return query.withContext(new QueryContext(kept));
  }

  public static byte[] query(String json, boolean perSegment) {
    final byte[] text = json.getBytes(StandardCharsets.UTF_8);
    final byte[] out = new byte[QUERY_HEADER_BYTES + text.length];
    out[0] = VERSION;
    out[1] = perSegment ? FLAG_PER_SEGMENT : 0;
    System.arraycopy(text, 0, out, QUERY_HEADER_BYTES, text.length);
    return out;
  }

  /** @throws IllegalArgumentException naming the version or flags when the header is not ours */
  public static boolean perSegment(byte[] query) {
    if (query.length < QUERY_HEADER_BYTES || query[0] != VERSION) {
      throw new IllegalArgumentException("remote query bytes=" + query.length + " version="
          + (query.length > 0 ? query[0] : -1) + " supported=" + VERSION);
    }
    if ((query[1] & ~FLAG_PER_SEGMENT) != 0) {
      throw new IllegalArgumentException("remote query flags=" + query[1] + " known=" + FLAG_PER_SEGMENT);
    }
    return query[1] == FLAG_PER_SEGMENT;
  }

  public static String queryJson(byte[] query) {
    return new String(query, QUERY_HEADER_BYTES, query.length - QUERY_HEADER_BYTES, StandardCharsets.UTF_8);
  }

  public static byte[] result(byte kind, int[] indexes, int count, byte[] partial) {
    final int partialBytes = partial == null ? 0 : partial.length;
    final GrowableBytes out = new GrowableBytes(5 + 4 * count + partialBytes);
    resultHeader(out, kind, indexes, count);
    if (partial != null) {
      out.write(partial);
    }
    return out.toByteArray();
  }

  /**
   * Appends the header of a result ({@code kind}, {@code count}, the first {@code count} of
   * {@code indexes}) to {@code out}; a SEGMENTS result's partial bytes follow it.
   */
  public static void resultHeader(GrowableBytes out, byte kind, int[] indexes, int count) {
    out.writeByte(kind);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeInt(indexes[i]);
    }
  }

  /** One decoded result: its kind, the segment indexes and the partial's bytes (empty for MISSING). */
  public record Result(byte kind, int[] indexes, byte[] partial) {}

  /**
   * Reads one result, checking every index against {@code segments}.
   *
   * @throws IllegalArgumentException naming the field, the value and the limit
   */
  public static Result readResult(DirectBuffer buffer, int offset, int length, int segments) {
    if (length < 5) {
      throw new IllegalArgumentException("remote result bytes=" + length + " minimum=5");
    }
    final byte kind = buffer.getByte(offset);
    if (kind != KIND_SEGMENTS && kind != KIND_MISSING) {
      throw new IllegalArgumentException("remote result kind=" + kind + " known=1,2");
    }
    final int count = buffer.getInt(offset + 1, ByteOrder.LITTLE_ENDIAN);
    if (count < 1 || count > segments || 5L + 4L * count > length) {
      throw new IllegalArgumentException("remote result count=" + count + " limit=" + segments + " bytes=" + length);
    }
    final int[] indexes = new int[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = buffer.getInt(offset + 5 + 4 * i, ByteOrder.LITTLE_ENDIAN);
      if (indexes[i] < 0 || indexes[i] >= segments) {
        throw new IllegalArgumentException("remote result index=" + indexes[i] + " limit=" + segments);
      }
    }
    final int start = 5 + 4 * count;
    final byte[] partial = new byte[length - start];
    buffer.getBytes(offset + start, partial);
    if (kind == KIND_MISSING && partial.length != 0) {
      throw new IllegalArgumentException("remote result MISSING carries bytes=" + partial.length + " expected=0");
    }
    return new Result(kind, indexes, partial);
  }
}
