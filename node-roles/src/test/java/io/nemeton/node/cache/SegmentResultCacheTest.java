package io.nemeton.node.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.memory.MemoryAccounting;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.SegmentRecord;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class SegmentResultCacheTest {

  private static final String QUERY = "{\"queryType\":\"timeseries\",\"dataSource\":\"wiki\",\"intervals\":[\"%s\"],"
      + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}],\"context\":{%s}}";

  private static SegmentRecord segment(String version) {
    final long start = 1_704_067_200_000L;
    return new SegmentRecord("wiki_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_" + version, "wiki", start,
        start + 86_400_000L, version, 0, "{}", true, 1L, 1L);
  }

  private static Query query(String interval, String context) {
    return QueryParser.parse(String.format(QUERY, interval, context));
  }

  private static ResultCacheKey key(int n) {
    return ResultCacheKey.of(segment("v" + n), query("2024-01-01/2024-01-02", ""));
  }

  @Test
  void hitsMissesAndCopies() {
    try (SegmentResultCache cache = new SegmentResultCache(1 << 20)) {
      assertNull(cache.get(key(1)));
      final byte[] value = {1, 2, 3, 4, 5};
      cache.put(key(1), value);
      value[0] = 9;
      assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, cache.get(key(1)));
      assertEquals(1, cache.hits());
      assertEquals(1, cache.misses());
      assertEquals(5, MemoryAccounting.allocatedBytes(SegmentResultCache.MEMORY_TAG));
    }
    assertEquals(0, MemoryAccounting.allocatedBytes(SegmentResultCache.MEMORY_TAG));
  }

  @Test
  void evictsLeastRecentlyUsedByBytes() {
    final int keyBytes = key(0).sizeBytes();
    final long capacity = 8L * (1000 + keyBytes);
    try (SegmentResultCache cache = new SegmentResultCache(capacity)) {
      for (int n = 0; n < 8; n++) {
        cache.put(key(n), filled(1000, n));
      }
      assertEquals(8, cache.entries());
      cache.get(key(0));
      cache.put(key(8), filled(1000, 8));
      assertNull(cache.get(key(1)), "the least recently used goes first");
      assertArrayEquals(filled(1000, 0), cache.get(key(0)));
      assertArrayEquals(filled(1000, 8), cache.get(key(8)));
      assertEquals(1, cache.evictions());
      assertEquals(8L * (1000 + keyBytes), cache.sizeBytes());
      cache.put(key(9), new byte[(int) capacity]);
      assertNull(cache.get(key(9)), "an entry over an eighth of the capacity is not kept");
    }
  }

  @Test
  void keysSeparateVersionsQueriesAndCoveredIntervalsButNotRunOptions() {
    final Query day = query("2024-01-01/2024-01-02", "");
    assertNotEquals(ResultCacheKey.of(segment("v1"), day), ResultCacheKey.of(segment("v2"), day));
    assertNotEquals(ResultCacheKey.of(segment("v1"), day),
        ResultCacheKey.of(segment("v1"), query("2024-01-01T06:00/2024-01-02", "")));
    // Intervals clipped to the segment alike give one key; run-only context keys do not matter.
    assertEquals(ResultCacheKey.of(segment("v1"), day),
        ResultCacheKey.of(segment("v1"), query("2023-12-01/2024-02-01", "\"useCache\":false,\"timeout\":5")));
  }

  @Test
  void refusesNoCapacity() {
    assertEquals("result cache capacityBytes=0 must be >= 1",
        assertThrows(IllegalArgumentException.class, () -> new SegmentResultCache(0)).getMessage());
  }

  private static byte[] filled(int length, int value) {
    final byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }
}
