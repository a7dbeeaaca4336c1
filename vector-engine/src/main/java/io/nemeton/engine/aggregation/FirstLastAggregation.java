package io.nemeton.engine.aggregation;

import io.nemeton.engine.cursor.BlockColumns;
import io.nemeton.engine.filter.FilterPlanner;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.aggregation.FirstLastAggregator;
import java.nio.charset.StandardCharsets;

/**
 * {@code longFirst} ... {@code stringLast}: the intermediate value is a {@link TimedValue}, merged
 * by time (first keeps the left one on ties, last the right one, so merging in segment order keeps
 * row order); it finalizes to the value. Immutable.
 */
final class FirstLastAggregation implements Aggregation {
  private final FirstLastAggregator spec;

  FirstLastAggregation(FirstLastAggregator spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public GroupAggregator newGroupAggregator(BlockColumns columns, FilterPlanner planner, Kernels kernels) {
    final String timeColumn = spec.timeColumn() == null ? "__time" : spec.timeColumn();
    final FirstLastGroupAggregator.ValueKind kind = switch (spec.kind().type().kind()) {
      case LONG -> FirstLastGroupAggregator.ValueKind.LONG;
      case FLOAT -> FirstLastGroupAggregator.ValueKind.FLOAT;
      case DOUBLE -> FirstLastGroupAggregator.ValueKind.DOUBLE;
      default -> FirstLastGroupAggregator.ValueKind.STRING;
    };
    final int maxBytes = spec.maxStringBytes() == null
        ? FirstLastAggregator.DEFAULT_MAX_STRING_BYTES : spec.maxStringBytes();
    final ValueType fieldType = columns.typeOf(spec.fieldName());
    if (fieldType != null && fieldType.kind() == ValueType.Kind.COMPLEX && !columns.isVirtual(spec.fieldName())
        && fieldType.complexName().startsWith("serializablePair")) {
      return new FirstLastGroupAggregator(null, columns.complex(spec.fieldName()), null, null, kind,
          spec.kind().first(), maxBytes).pairsOf(fieldType.complexName());
    }
    return new FirstLastGroupAggregator(columns.numeric(timeColumn), null,
        kind == FirstLastGroupAggregator.ValueKind.STRING ? null : columns.numeric(spec.fieldName()),
        kind == FirstLastGroupAggregator.ValueKind.STRING ? columns.values(spec.fieldName()) : null,
        kind, spec.kind().first(), maxBytes);
  }

  @Override
  public Object combine(Object left, Object right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    final TimedValue a = (TimedValue) left;
    final TimedValue b = (TimedValue) right;
    if (spec.kind().first()) {
      return b.timeMs() < a.timeMs() ? b : a;
    }
    return b.timeMs() >= a.timeMs() ? b : a;
  }

  @Override
  public Object empty() {
    return null;
  }

  @Override
  public Object finalizeValue(Object intermediate) {
    return intermediate == null ? null : ((TimedValue) intermediate).value();
  }

  @Override
  public int compare(Object left, Object right) {
    return Values.compareNumbers(finalizeValue(left), finalizeValue(right));
  }

  /** Cuts {@code text} to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
  static String truncate(String text, int maxBytes) {
    if (text.length() * 3 <= maxBytes) {
      return text;
    }
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    int end = maxBytes;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
