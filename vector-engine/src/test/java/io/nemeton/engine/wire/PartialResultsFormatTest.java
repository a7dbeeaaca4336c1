package io.nemeton.engine.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.aggregation.MeanState;
import io.nemeton.engine.aggregation.TimedValue;
import io.nemeton.engine.metadata.TimeBoundaryPartial;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.scan.ScanPartial;
import io.nemeton.engine.timeseries.TimeseriesPartial;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantiles.UpdatableQuantilesDoublesSketch;
import org.apache.datasketches.theta.ThetaSketch;
import org.apache.datasketches.theta.UpdatableThetaSketch;
import org.junit.jupiter.api.Test;

/** Exact bytes and error messages of the wire format, and every value type through a scan row. */
class PartialResultsFormatTest {
  private static final Query TIMESERIES = QueryParser.parse("{\"queryType\":\"timeseries\",\"dataSource\":\"t\","
      + "\"intervals\":[\"2020/2021\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}]}");
  private static final Query SCAN = QueryParser.parse(
      "{\"queryType\":\"scan\",\"dataSource\":\"t\",\"intervals\":[\"2020/2021\"]}");
  private static final Query GROUP_BY = QueryParser.parse("{\"queryType\":\"groupBy\",\"dataSource\":\"t\","
      + "\"intervals\":[\"2020/2021\"],\"dimensions\":[\"a\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}]}");
  private static final Query TIME_BOUNDARY = QueryParser.parse("{\"queryType\":\"timeBoundary\",\"dataSource\":\"t\"}");

  private static String error(Query query, int... bytes) {
    final byte[] encoded = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      encoded[i] = (byte) bytes[i];
    }
    return assertThrows(PartialFormatException.class, () -> PartialResults.decode(query, encoded, 0, encoded.length))
        .getMessage();
  }

  @Test
  void timeseriesBytes() {
    final TreeMap<Long, Object[]> buckets = new TreeMap<>();
    buckets.put(10L, new Object[] {5L});
    buckets.put(12L, new Object[] {null});
    // version, type, 1 aggregator, 2 buckets, time 10 (zigzag 20), Long 5 (zigzag 10), time +2, null
    assertArrayEquals(new byte[] {1, 1, 1, 2, 20, 3, 10, 4, 0},
        PartialResults.encode(TIMESERIES, new TimeseriesPartial(buckets)));
  }

  @Test
  void errorsNameFieldValueAndLimit() {
    assertEquals("partial result (timeseries) at offset 1 of 2: field version: version 2 is not the supported "
        + "version 1", error(TIMESERIES, 2, 1));
    assertEquals("partial result (groupBy) at offset 2 of 2: field queryType: tag 1 (timeseries) does not match the "
        + "query's type, expected 3", error(GROUP_BY, 1, 1));
    assertEquals("partial result (timeseries) at offset 3 of 3: field aggregators: count 2 does not match the "
        + "query's 1 aggregators", error(TIMESERIES, 1, 1, 2));
    assertEquals("partial result (timeseries) at offset 4 of 5: field buckets: count 9 is over the limit 0 that the "
        + "1 bytes left can hold", error(TIMESERIES, 1, 1, 1, 9, 0));
    assertEquals("partial result (timeseries) at offset 6 of 6: field aggregator value: value tag 99 is unknown; the "
        + "limit is 19", error(TIMESERIES, 1, 1, 1, 1, 0, 99));
    assertEquals("partial result (timeseries) at offset 7 of 9: field bucket time: delta 0 is below the limit 1 "
        + "(buckets strictly increase)", error(TIMESERIES, 1, 1, 1, 2, 0, 0, 0, 0, 0));
    assertEquals("partial result (timeBoundary) at offset 2 of 2: field min time: needs 1 byte, 0 left",
        error(TIME_BOUNDARY, 1, 6));
    assertEquals("partial result (timeBoundary) at offset 3 of 3: field min time: presence byte 7 is not 0 or 1",
        error(TIME_BOUNDARY, 1, 6, 7));
    assertEquals("partial result (timeBoundary) at offset 4 of 5: field end: 1 bytes left after the partial result, "
        + "the limit is 0", error(TIME_BOUNDARY, 1, 6, 0, 0, 42));
    assertEquals("partial result (timeBoundary) at offset 13 of 14: field min time: varint longer than the limit of 10 "
        + "bytes", error(TIME_BOUNDARY, 1, 6, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1));
    assertEquals("partial result (scan) at offset 5 of 6: field column name: string reference 0 is over the limit -1 "
        + "(strings seen so far)", error(SCAN, 1, 4, 1, 7, 0, 0));
    assertEquals("partial result (scan) at offset 5 of 7: field column name: string of 2 bytes is not valid UTF-8",
        error(SCAN, 1, 4, 1, 6, 2, 0xC3, 0x28));
  }

  @Test
  void encodeRefusesAPartialOfAnotherType() {
    assertEquals("a timeseries query's partial must be a TimeseriesPartial, got "
        + TimeBoundaryPartial.class.getName(), assertThrows(IllegalArgumentException.class,
            () -> PartialResults.encode(TIMESERIES, new TimeBoundaryPartial(1L, 2L))).getMessage());
  }

  @Test
  void everyValueTypeRoundTrips() {
    final HllSketch hll = new HllSketch(11);
    final UpdatableThetaSketch theta = UpdatableThetaSketch.builder().build();
    final UpdatableQuantilesDoublesSketch quantiles = QuantilesDoublesSketch.builder().setK(32).build();
    for (int i = 0; i < 500; i++) {
      hll.update(i);
      theta.update(i);
      quantiles.update(i * 0.5);
    }
    final Map<String, Object> map = new LinkedHashMap<>();
    map.put("big", new BigInteger("123456789012345678901234567890"));
    map.put("decimal", new BigDecimal("1.50"));
    map.put("nested", Arrays.asList(1, null, List.of("x")));
    final Object[] values = {null, true, false, Long.MIN_VALUE, Long.MAX_VALUE, -0.0, Double.NaN,
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Float.intBitsToFloat(0x7FC0_0001), -0.0f, Integer.MIN_VALUE,
        "", "h\uD83D\uDE00", "h\uD83D\uDE00", new byte[] {1, 2, 3}, new Object[] {"a", 1L}, map,
        new TimedValue(-5L, "v"), new MeanState(2.5, 3), hll, theta.compact(), quantiles.compact()};
    final List<String> columns = java.util.stream.IntStream.range(0, values.length).mapToObj(i -> "c" + i).toList();
    final byte[] bytes = PartialResults.encode(SCAN,
        new ScanPartial(columns, List.of(new ScanPartial.Row("segment", 1_577_836_800_000L, values))));
    final ScanPartial decoded = (ScanPartial) PartialResults.decode(SCAN, bytes, 0, bytes.length);
    assertEquals(columns, decoded.columns());
    final Object[] back = decoded.rows().get(0).values();
    for (int i = 0; i < values.length; i++) {
      final Object expected = values[i];
      final Object actual = back[i];
      switch (expected) {
        case Double number -> assertEquals(Double.doubleToRawLongBits(number),
            Double.doubleToRawLongBits((Double) actual), "value " + i);
        case Float number -> assertEquals(Float.floatToRawIntBits(number), Float.floatToRawIntBits((Float) actual),
            "value " + i);
        case HllSketch sketch -> assertArrayEquals(sketch.toUpdatableByteArray(),
            ((HllSketch) actual).toUpdatableByteArray());
        case ThetaSketch sketch -> assertArrayEquals(sketch.compact().toByteArray(),
            assertInstanceOf(ThetaSketch.class, actual).compact().toByteArray());
        case QuantilesDoublesSketch sketch -> assertArrayEquals(sketch.toByteArray(true),
            ((QuantilesDoublesSketch) actual).toByteArray(true));
        case null, default -> assertEquals(Arrays.deepToString(new Object[] {expected}),
            Arrays.deepToString(new Object[] {actual}), "value " + i);
      }
      if (expected != null && !(expected instanceof ThetaSketch)) {
        assertEquals(expected.getClass(), actual.getClass(), "type of value " + i);
      }
    }
    assertArrayEquals(bytes, PartialResults.encode(SCAN, decoded));
  }
}
