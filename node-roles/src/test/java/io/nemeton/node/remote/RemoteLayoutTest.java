package io.nemeton.node.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.timeseries.TimeseriesPartial;
import java.util.TreeMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class RemoteLayoutTest {
  private static final Query QUERY = QueryParser.parse("{\"queryType\":\"timeseries\",\"dataSource\":\"w\","
      + "\"intervals\":[\"2024-01-01/2024-01-02\"],\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]}");

  @Test
  void queryRoundTrip() {
    final byte[] bytes = RemoteLayout.query("{\"a\":1}", true);
    assertTrue(RemoteLayout.perSegment(bytes));
    assertEquals("{\"a\":1}", RemoteLayout.queryJson(bytes));
    assertEquals("remote query bytes=1 version=7 supported=1",
        assertThrows(IllegalArgumentException.class, () -> RemoteLayout.perSegment(new byte[] {7})).getMessage());
    assertEquals("remote query flags=4 known=1",
        assertThrows(IllegalArgumentException.class, () -> RemoteLayout.perSegment(new byte[] {1, 4})).getMessage());
  }

  @Test
  void resultRoundTripAndLimits() {
    final byte[] bytes = RemoteLayout.result(RemoteLayout.KIND_SEGMENTS, new int[] {0, 2, 9}, 2, new byte[] {5, 6});
    final RemoteLayout.Result result = RemoteLayout.readResult(new UnsafeBuffer(bytes), 0, bytes.length, 3);
    assertArrayEquals(new int[] {0, 2}, result.indexes());
    assertArrayEquals(new byte[] {5, 6}, result.partial());
    assertEquals("remote result index=2 limit=2", assertThrows(IllegalArgumentException.class,
        () -> RemoteLayout.readResult(new UnsafeBuffer(bytes), 0, bytes.length, 2)).getMessage());
    final byte[] missing = RemoteLayout.result(RemoteLayout.KIND_MISSING, new int[] {1}, 1, new byte[] {1});
    assertEquals("remote result MISSING carries bytes=1 expected=0", assertThrows(IllegalArgumentException.class,
        () -> RemoteLayout.readResult(new UnsafeBuffer(missing), 0, missing.length, 3)).getMessage());
  }

  @Test
  void engineCodecRoundTripsAndRefusesGarbageAsIllegalArgument() {
    final EnginePartialCodec codec = new EnginePartialCodec();
    final TreeMap<Long, Object[]> buckets = new TreeMap<>();
    buckets.put(1L, new Object[] {3L});
    buckets.put(-5L, new Object[] {0L});
    final byte[] bytes = codec.encode(QUERY, new TimeseriesPartial(buckets));
    final TimeseriesPartial back = (TimeseriesPartial) codec.decode(QUERY, bytes, 0, bytes.length);
    assertEquals(buckets.keySet(), back.buckets().keySet());
    assertArrayEquals(buckets.get(1L), back.buckets().get(1L));
    assertThrows(IllegalArgumentException.class, () -> codec.decode(QUERY, new byte[] {1, 0, 0, 0, 9}, 0, 5));
  }
}
