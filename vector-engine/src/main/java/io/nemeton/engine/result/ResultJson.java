package io.nemeton.engine.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.nemeton.engine.aggregation.MeanState;
import io.nemeton.engine.aggregation.TimedValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.ThetaSketch;

/**
 * Writes answer rows as JSON the way Druid's Jackson does: longs as integers, doubles and floats
 * as Java prints them ({@code 9050.0}, {@code 1.0E10}; NaN and infinities as strings), maps in
 * insertion order, sketches as base64 of their compact bytes, first/last pairs as {@code
 * {"lhs": time, "rhs": value}}. Stateless and thread-safe.
 */
public final class ResultJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ResultJson() {
  }

  public static String write(Object value) {
    final StringWriter out = new StringWriter();
    write(value, out);
    return out.toString();
  }

  public static void write(Object value, Writer out) {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing query result", e);
    }
  }

  private static void writeValue(JsonGenerator out, Object value) throws IOException {
    switch (value) {
      case null -> out.writeNull();
      case String text -> out.writeString(text);
      case Long number -> out.writeNumber(number);
      case Integer number -> out.writeNumber(number);
      case Double number -> out.writeNumber(number);
      case Float number -> out.writeNumber(number);
      case Boolean bool -> out.writeBoolean(bool);
      case Map<?, ?> map -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.writeFieldName(String.valueOf(entry.getKey()));
          writeValue(out, entry.getValue());
        }
        out.writeEndObject();
      }
      case List<?> list -> {
        out.writeStartArray();
        for (Object element : list) {
          writeValue(out, element);
        }
        out.writeEndArray();
      }
      case Object[] array -> writeValue(out, List.of(array));
      case double[] array -> {
        out.writeStartArray();
        for (double element : array) {
          out.writeNumber(element);
        }
        out.writeEndArray();
      }
      case byte[] bytes -> out.writeString(Base64.getEncoder().encodeToString(bytes));
      case TimedValue timed -> {
        out.writeStartObject();
        out.writeNumberField("lhs", timed.timeMs());
        out.writeFieldName("rhs");
        writeValue(out, timed.value());
        out.writeEndObject();
      }
      case MeanState mean -> {
        out.writeStartObject();
        out.writeNumberField("sum", mean.sum());
        out.writeNumberField("count", mean.count());
        out.writeEndObject();
      }
      case HllSketch sketch -> out.writeString(Base64.getEncoder().encodeToString(sketch.toCompactByteArray()));
      case ThetaSketch sketch -> out.writeString(Base64.getEncoder().encodeToString(sketch.compact().toByteArray()));
      case QuantilesDoublesSketch sketch -> out.writeString(
          Base64.getEncoder().encodeToString(sketch.toByteArray(true)));
      default -> out.writeString(value.toString());
    }
  }
}
