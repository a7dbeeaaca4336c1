package io.nemeton.engine.wire;

/**
 * The constants of the partial-result wire format ({@code vector-engine/WIRE.md} is the full
 * description). Every encoding starts with a two-byte header:
 *
 * <pre>
 *   [version: u8 = 1][query type: u8]  body of that query type ...   (no bytes after the body)
 * </pre>
 *
 * Counts and lengths are unsigned LEB128 varints; longs are zigzag LEB128 varints; doubles and floats
 * are their IEEE-754 bits, little-endian, 8 and 4 bytes. Values are tagged (the {@code TAG_*}
 * constants): one tag byte, then the tag's payload. Strings are interned per encoding: the first
 * occurrence is written as UTF-8 with its length and numbered in order of appearance, later ones
 * are a reference to that number.
 *
 * <p>Stateless constants.
 */
final class WireLayout {
  /** The format version; bumped on any incompatible change (a decoder refuses other versions). */
  static final int VERSION = 1;

  static final int QUERY_TIMESERIES = 1;
  static final int QUERY_TOP_N = 2;
  static final int QUERY_GROUP_BY = 3;
  static final int QUERY_SCAN = 4;
  static final int QUERY_SEARCH = 5;
  static final int QUERY_TIME_BOUNDARY = 6;
  static final int QUERY_SEGMENT_METADATA = 7;
  static final int QUERY_DATA_SOURCE_METADATA = 8;

  /** null; no payload. */
  static final int TAG_NULL = 0;
  static final int TAG_FALSE = 1;
  static final int TAG_TRUE = 2;
  /** Long: zigzag varint. */
  static final int TAG_LONG = 3;
  /** Double: 8 bytes. */
  static final int TAG_DOUBLE = 4;
  /** Float: 4 bytes. */
  static final int TAG_FLOAT = 5;
  /** String, first occurrence: varint UTF-8 length, the bytes; takes the next string number. */
  static final int TAG_STRING = 6;
  /** String seen before: varint string number. */
  static final int TAG_STRING_REF = 7;
  /** Integer: zigzag varint. */
  static final int TAG_INT = 8;
  /** byte[]: varint length, the bytes. */
  static final int TAG_BYTES = 9;
  /** List: varint count, the values (decoded as a mutable list). */
  static final int TAG_LIST = 10;
  /** Object[]: varint count, the values. */
  static final int TAG_ARRAY = 11;
  /** Map: varint count, then key, value pairs (decoded as a mutable map keeping the order). */
  static final int TAG_MAP = 12;
  /** First/last pair: zigzag varint time, then the value. */
  static final int TAG_TIMED = 13;
  /** Mean state: 8-byte double sum, zigzag varint count. */
  static final int TAG_MEAN = 14;
  /** HLL sketch: varint length, its updatable serialized form (keeps the coupon order, see WIRE.md). */
  static final int TAG_HLL_SKETCH = 15;
  /** Theta sketch: varint length, its compact serialized form. */
  static final int TAG_THETA_SKETCH = 16;
  /** Classic quantiles sketch of doubles: varint length, its compact serialized form. */
  static final int TAG_QUANTILES_SKETCH = 17;
  /** BigInteger: its decimal text as a length-prefixed UTF-8 string (not interned). */
  static final int TAG_BIG_INTEGER = 18;
  /** BigDecimal: its text as a length-prefixed UTF-8 string (not interned). */
  static final int TAG_BIG_DECIMAL = 19;
  static final int TAG_LIMIT = 20;

  /** Deepest nesting of lists, arrays, maps and pairs a decoder follows. */
  static final int MAX_DEPTH = 32;

  private WireLayout() {
  }

  static String queryTypeName(int tag) {
    return switch (tag) {
      case QUERY_TIMESERIES -> "timeseries";
      case QUERY_TOP_N -> "topN";
      case QUERY_GROUP_BY -> "groupBy";
      case QUERY_SCAN -> "scan";
      case QUERY_SEARCH -> "search";
      case QUERY_TIME_BOUNDARY -> "timeBoundary";
      case QUERY_SEGMENT_METADATA -> "segmentMetadata";
      case QUERY_DATA_SOURCE_METADATA -> "dataSourceMetadata";
      default -> "unknown(" + tag + ")";
    };
  }
}
