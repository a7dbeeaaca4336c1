package io.nemeton.engine.wire;

import static io.nemeton.engine.wire.WireLayout.*;

import io.nemeton.engine.aggregation.MeanState;
import io.nemeton.engine.aggregation.TimedValue;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.CompactThetaSketch;

/**
 * Reads one partial-result encoding from {@code bytes[offset, offset + length)}, checking every
 * length, count and tag against what is left: a bad byte becomes a {@link PartialFormatException}
 * naming the field, the value, the limit and the offset. A count is refused when the items could
 * not fit in the bytes left (each takes at least one byte), so garbage never makes a decoder
 * allocate more than the buffer's size.
 *
 * <p>Not thread-safe; one per decoding. Allocates the decoded values.
 */
final class WireReader {
  private final byte[] bytes;
  private final int start;
  private final int end;
  private final String queryType;
  private final List<String> strings = new ArrayList<>();
  private int position;

  WireReader(byte[] bytes, int offset, int length, String queryType) {
    this.bytes = bytes;
    this.start = offset;
    this.end = offset + length;
    this.position = offset;
    this.queryType = queryType;
  }

  PartialFormatException error(String field, String problem) {
    return new PartialFormatException("partial result (" + queryType + ") at offset " + (position - start)
        + " of " + (end - start) + ": field " + field + ": " + problem);
  }

  int remaining() {
    return end - position;
  }

  int readByte(String field) {
    if (position >= end) {
      throw error(field, "needs 1 byte, 0 left");
    }
    return bytes[position++] & 0xFF;
  }

  /** An unsigned varint that fits an int. */
  int readUnsigned(String field) {
    final long value = readVarLong(field, 5);
    if (value > Integer.MAX_VALUE) {
      throw error(field, "varint value " + value + " is over the limit " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** A count of items each taking at least {@code minItemBytes}; refused past what the bytes left hold. */
  int readCount(String field, int minItemBytes) {
    final int count = readUnsigned(field);
    if ((long) count * minItemBytes > remaining()) {
      throw error(field, "count " + count + " is over the limit " + remaining() / minItemBytes
          + " that the " + remaining() + " bytes left can hold");
    }
    return count;
  }

  long readLong(String field) {
    final long zigzag = readVarLong(field, 10);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  private long readVarLong(String field, int maxBytes) {
    long value = 0;
    for (int i = 0; i < maxBytes; i++) {
      final int b = readByte(field);
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw error(field, "varint longer than the limit of " + maxBytes + " bytes");
  }

  double readDouble(String field) {
    need(field, Double.BYTES);
    final double value = Double.longBitsToDouble(fixedLong());
    return value;
  }

  float readFloat(String field) {
    need(field, Float.BYTES);
    final int bits = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8 | (bytes[position + 2] & 0xFF) << 16
        | (bytes[position + 3] & 0xFF) << 24;
    position += Float.BYTES;
    return Float.intBitsToFloat(bits);
  }

  private long fixedLong() {
    long value = 0;
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[position + i] & 0xFF);
    }
    position += Long.BYTES;
    return value;
  }

  private void need(String field, int count) {
    if (remaining() < count) {
      throw error(field, "needs " + count + " bytes, " + remaining() + " left");
    }
  }

  /** A nullable long written by {@link WireWriter#writeNullableLong}. */
  Long readNullableLong(String field) {
    final int present = readByte(field);
    return switch (present) {
      case 0 -> null;
      case 1 -> readLong(field);
      default -> throw error(field, "presence byte " + present + " is not 0 or 1");
    };
  }

  /** A value that must be a string (or null when {@code nullable}). */
  String readString(String field, boolean nullable) {
    final Object value = readValue(field);
    if (value instanceof String text) {
      return text;
    }
    if (value == null && nullable) {
      return null;
    }
    throw error(field, "expected a string, got " + describe(value));
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private byte[] readBytes(String field) {
    final int length = readCount(field, 1);
    final byte[] copy = new byte[length];
    System.arraycopy(bytes, position, copy, 0, length);
    position += length;
    return copy;
  }

  private String readText(String field) {
    final int length = readCount(field, 1);
    try {
      final String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, position, length)).toString();
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw error(field, "string of " + length + " bytes is not valid UTF-8");
    }
  }

  Object readValue(String field) {
    return readValue(field, 0);
  }

  private Object readValue(String field, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(field, "values nested " + depth + " deep, over the limit " + MAX_DEPTH);
    }
    final int tag = readByte(field);
    switch (tag) {
      case TAG_NULL:
        return null;
      case TAG_FALSE:
        return Boolean.FALSE;
      case TAG_TRUE:
        return Boolean.TRUE;
      case TAG_LONG:
        return readLong(field);
      case TAG_DOUBLE:
        return readDouble(field);
      case TAG_FLOAT:
        return readFloat(field);
      case TAG_STRING: {
        final String text = readText(field);
        strings.add(text);
        return text;
      }
      case TAG_STRING_REF: {
        final int number = readUnsigned(field);
        if (number >= strings.size()) {
          throw error(field, "string reference " + number + " is over the limit " + (strings.size() - 1)
              + " (strings seen so far)");
        }
        return strings.get(number);
      }
      case TAG_INT: {
        final long value = readLong(field);
        if (value != (int) value) {
          throw error(field, "int value " + value + " is outside [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
        }
        return (int) value;
      }
      case TAG_BYTES:
        return readBytes(field);
      case TAG_LIST: {
        final int count = readCount(field, 1);
        final List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(readValue(field, depth + 1));
        }
        return list;
      }
      case TAG_ARRAY: {
        final Object[] array = new Object[readCount(field, 1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = readValue(field, depth + 1);
        }
        return array;
      }
      case TAG_MAP: {
        final int count = readCount(field, 2);
        final Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          final Object key = readValue(field, depth + 1);
          if (map.containsKey(key)) {
            throw error(field, "map key " + key + " appears twice");
          }
          map.put(key, readValue(field, depth + 1));
        }
        return map;
      }
      case TAG_TIMED: {
        final long timeMs = readLong(field);
        return new TimedValue(timeMs, readValue(field, depth + 1));
      }
      case TAG_MEAN: {
        final double sum = readDouble(field);
        return new MeanState(sum, readLong(field));
      }
      case TAG_HLL_SKETCH:
      case TAG_THETA_SKETCH:
      case TAG_QUANTILES_SKETCH:
        return readSketch(field, tag);
      case TAG_BIG_INTEGER: {
        final String text = readText(field);
        try {
          return new BigInteger(text);
        } catch (NumberFormatException e) {
          throw error(field, "big integer text '" + text + "' is not a number");
        }
      }
      case TAG_BIG_DECIMAL: {
        final String text = readText(field);
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw error(field, "big decimal text '" + text + "' is not a number");
        }
      }
      default:
        throw error(field, "value tag " + tag + " is unknown; the limit is " + (TAG_LIMIT - 1));
    }
  }

  private Object readSketch(String field, int tag) {
    final byte[] serialized = readBytes(field);
    if (tag == TAG_THETA_SKETCH) {
      checkThetaPreamble(field, serialized);
    } else if (tag == TAG_HLL_SKETCH) {
      checkHllPreamble(field, serialized);
    } else {
      checkQuantilesPreamble(field, serialized);
    }
    try {
      return switch (tag) {
        case TAG_HLL_SKETCH -> HllSketch.heapify(serialized);
        case TAG_THETA_SKETCH -> CompactThetaSketch.heapify(MemorySegment.ofArray(serialized));
        default -> QuantilesDoublesSketch.heapify(MemorySegment.ofArray(serialized));
      };
    } catch (RuntimeException | AssertionError e) {
      // DataSketches throws its own argument exceptions, on some corruptions index errors, and, when
      // assertions are enabled, fails its internal asserts: all mean the same bad bytes
      throw new PartialFormatException("partial result (" + queryType + ") before offset " + (position - start)
          + ": field " + field + ": " + (tag == TAG_HLL_SKETCH ? "HLL" : tag == TAG_THETA_SKETCH ? "theta" : "quantiles")
          + " sketch of " + serialized.length + " bytes does not deserialize: " + e, e);
    }
  }

  /**
   * Checks the sizes an HLL sketch's preamble implies before DataSketches allocates them: byte 3 is
   * lgK (4..21), byte 4 the log2 of the coupon list or set array, which never outgrows lgK.
   */
  private void checkHllPreamble(String field, byte[] serialized) {
    if (serialized.length < Long.BYTES) {
      throw error(field, "HLL sketch of " + serialized.length + " bytes is shorter than the limit of 8");
    }
    final int lgK = serialized[3] & 0xFF;
    final int lgArr = serialized[4] & 0xFF;
    if (lgK < 4 || lgK > 21) {
      throw error(field, "HLL sketch lgK " + lgK + " is outside [4, 21]");
    }
    if (lgArr > lgK) {
      throw error(field, "HLL sketch array lg " + lgArr + " is over the limit " + lgK + " (its lgK)");
    }
  }

  /**
   * Checks a quantiles sketch's k before DataSketches sizes its buffers from it: bytes 4..5 hold k,
   * a power of two in [2, 32768].
   */
  private void checkQuantilesPreamble(String field, byte[] serialized) {
    if (serialized.length < Long.BYTES) {
      throw error(field, "quantiles sketch of " + serialized.length + " bytes is shorter than the limit of 8");
    }
    final int k = (serialized[4] & 0xFF) | (serialized[5] & 0xFF) << 8;
    if (k < 2 || k > 32768 || Integer.bitCount(k) != 1) {
      throw error(field, "quantiles sketch k " + k + " is not a power of two in [2, 32768]");
    }
  }

  /**
   * Checks a compact theta sketch's preamble before DataSketches reads it: heapifying trusts the
   * stored entry count and allocates that many longs, so a corrupt count would exhaust the heap.
   * Layout (serialization version 3, what {@code toByteArray} writes): byte 0 low 6 bits preamble
   * longs, byte 1 version, bytes 8..11 the entry count when there are 2 or more preamble longs, then
   * preamble longs and entries of 8 bytes each.
   */
  private void checkThetaPreamble(String field, byte[] serialized) {
    if (serialized.length < Long.BYTES) {
      throw error(field, "theta sketch of " + serialized.length + " bytes is shorter than the limit of 8");
    }
    final int preambleLongs = serialized[0] & 0x3F;
    final int version = serialized[1] & 0xFF;
    if (version != 3) {
      throw error(field, "theta sketch serialization version " + version + " is not the supported version 3");
    }
    if (preambleLongs < 1 || preambleLongs > 3) {
      throw error(field, "theta sketch preamble of " + preambleLongs + " longs is outside [1, 3]");
    }
    if (preambleLongs >= 2) {
      final long entries = serialized.length < 2 * Long.BYTES ? -1 : (serialized[8] & 0xFFL)
          | (serialized[9] & 0xFFL) << 8 | (serialized[10] & 0xFFL) << 16 | (long) serialized[11] << 24;
      final long limit = serialized.length / Long.BYTES - preambleLongs;
      if (entries < 0 || entries > limit) {
        throw error(field, "theta sketch entry count " + entries + " is over the limit " + limit + " that its "
            + serialized.length + " bytes hold");
      }
    }
  }

  /** Refuses bytes left after the body. */
  void expectEnd() {
    if (position != end) {
      throw error("end", (end - position) + " bytes left after the partial result, the limit is 0");
    }
  }
}
