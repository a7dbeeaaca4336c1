package io.nemeton.engine.wire;

import static io.nemeton.engine.wire.WireLayout.*;

import io.nemeton.engine.aggregation.MeanState;
import io.nemeton.engine.aggregation.TimedValue;
import io.nemeton.memory.GrowableBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.ThetaSketch;

/**
 * Writes one partial-result encoding into a {@link GrowableBytes}: varints, fixed-width numbers and
 * tagged values ({@link WireLayout}), interning strings so that a value repeated across groups or
 * rows costs a few bytes after its first occurrence.
 *
 * <p>Not thread-safe; one per encoding. Allocates the string table (on the first string) and sketch
 * serializations.
 */
final class WireWriter {
  private final GrowableBytes out;
  /** Made on the first string: most small partials (numbers only) carry none. */
  private Map<String, Integer> strings;

  WireWriter(GrowableBytes out) {
    this.out = out;
  }

  void writeByte(int value) {
    out.writeByte(value);
  }

  /** An unsigned varint count or length. */
  void writeCount(int count) {
    out.writeVarInt(count);
  }

  /** A long as a zigzag varint: small magnitudes of either sign take few bytes. */
  void writeLong(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    out.ensureCapacity(10);
    while ((zigzag & ~0x7FL) != 0) {
      out.writeByte((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.writeByte((int) zigzag);
  }

  void writeDouble(double value) {
    out.writeDouble(value);
  }

  /** A nullable long: a presence byte, then the value. */
  void writeNullableLong(Long value) {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      writeLong(value);
    }
  }

  /** A string, interned: its first occurrence carries the text. */
  void writeString(String value) {
    if (strings == null) {
      strings = new HashMap<>();
    }
    final Integer number = strings.get(value);
    if (number != null) {
      out.writeByte(TAG_STRING_REF);
      out.writeVarInt(number);
      return;
    }
    strings.put(value, strings.size());
    out.writeByte(TAG_STRING);
    writeText(value);
  }

  private void writeText(String value) {
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  private void writeBytes(byte[] bytes) {
    out.writeVarInt(bytes.length);
    out.write(bytes);
  }

  /** A tagged value; throws {@link IllegalArgumentException} naming a type the format cannot carry. */
  void writeValue(Object value) {
    switch (value) {
      case null -> out.writeByte(TAG_NULL);
      case String text -> writeString(text);
      case Long number -> {
        out.writeByte(TAG_LONG);
        writeLong(number);
      }
      case Double number -> {
        out.writeByte(TAG_DOUBLE);
        out.writeDouble(number);
      }
      case Float number -> {
        out.writeByte(TAG_FLOAT);
        out.writeFloat(number);
      }
      case Integer number -> {
        out.writeByte(TAG_INT);
        writeLong(number);
      }
      case Boolean flag -> out.writeByte(flag ? TAG_TRUE : TAG_FALSE);
      case TimedValue timed -> {
        out.writeByte(TAG_TIMED);
        writeLong(timed.timeMs());
        writeValue(timed.value());
      }
      case MeanState mean -> {
        out.writeByte(TAG_MEAN);
        out.writeDouble(mean.sum());
        writeLong(mean.count());
      }
      case HllSketch sketch -> {
        out.writeByte(TAG_HLL_SKETCH);
        // the updatable form keeps a list or set of coupons in its hash-table order, which heapifying
        // copies as is; the compact form would be re-inserted in another order, and a union fed
        // coupons in another order ends with another (order-dependent HIP) estimate
        writeBytes(sketch.toUpdatableByteArray());
      }
      case ThetaSketch sketch -> {
        out.writeByte(TAG_THETA_SKETCH);
        writeBytes(sketch.compact().toByteArray());
      }
      case QuantilesDoublesSketch sketch -> {
        out.writeByte(TAG_QUANTILES_SKETCH);
        writeBytes(sketch.toByteArray(true));
      }
      case byte[] bytes -> {
        out.writeByte(TAG_BYTES);
        writeBytes(bytes);
      }
      case List<?> list -> {
        out.writeByte(TAG_LIST);
        out.writeVarInt(list.size());
        for (Object element : list) {
          writeValue(element);
        }
      }
      case Object[] array -> {
        out.writeByte(TAG_ARRAY);
        out.writeVarInt(array.length);
        for (Object element : array) {
          writeValue(element);
        }
      }
      case Map<?, ?> map -> {
        out.writeByte(TAG_MAP);
        out.writeVarInt(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          writeValue(entry.getKey());
          writeValue(entry.getValue());
        }
      }
      case BigInteger number -> {
        out.writeByte(TAG_BIG_INTEGER);
        writeText(number.toString());
      }
      case BigDecimal number -> {
        out.writeByte(TAG_BIG_DECIMAL);
        writeText(number.toString());
      }
      default -> throw new IllegalArgumentException("partial result value of type " + value.getClass().getName()
          + " has no wire encoding; supported: null, String, Long, Double, Float, Integer, Boolean, byte[], List, "
          + "Object[], Map, TimedValue, MeanState, HLL, Theta and quantiles sketches, BigInteger, BigDecimal");
    }
  }
}
