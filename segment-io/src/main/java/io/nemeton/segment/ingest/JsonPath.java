package io.nemeton.segment.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset that {@code flattenSpec} path fields may use: {@code $}, child steps
 * {@code .name}, {@code ['name']} and {@code ["name"]}, array indexes {@code [0]} (negative counts
 * from the end), and one trailing function over an array: {@code length()}, {@code min()}, {@code
 * max()}, {@code sum()}, {@code avg()}, {@code first()}, {@code last()}. Anything else (wildcards,
 * deep scans, filters) is refused when the spec is compiled.
 *
 * <p>Immutable and thread-safe.
 */
final class JsonPath {
  private final String expression;
  private final List<Object> steps;
  private final String function;

  private JsonPath(String expression, List<Object> steps, String function) {
    this.expression = expression;
    this.steps = steps;
    this.function = function;
  }

  /** Compiles {@code expression}; {@link IllegalArgumentException} naming the unsupported part. */
  static JsonPath compile(String expression) {
    if (expression == null || !expression.startsWith("$")) {
      throw new IllegalArgumentException("JSONPath \"" + expression + "\" must start with $");
    }
    final List<Object> steps = new ArrayList<>();
    String function = null;
    int pos = 1;
    final int length = expression.length();
    while (pos < length) {
      final char c = expression.charAt(pos);
      if (function != null) {
        throw unsupported(expression, "anything after a function");
      }
      if (c == '.') {
        if (pos + 1 < length && expression.charAt(pos + 1) == '.') {
          throw unsupported(expression, "deep scan (..)");
        }
        int end = pos + 1;
        while (end < length && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
          end++;
        }
        final String name = expression.substring(pos + 1, end);
        if (name.isEmpty() || name.equals("*")) {
          throw unsupported(expression, "wildcards or empty names");
        }
        if (name.endsWith("()")) {
          function = name.substring(0, name.length() - 2);
          if (!List.of("length", "size", "min", "max", "sum", "avg", "first", "last").contains(function)) {
            throw unsupported(expression, "function " + name);
          }
        } else {
          steps.add(name);
        }
        pos = end;
      } else if (c == '[') {
        final int close = expression.indexOf(']', pos);
        if (close < 0) {
          throw unsupported(expression, "an unclosed [");
        }
        final String inside = expression.substring(pos + 1, close).trim();
        if ((inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))
            && inside.length() >= 2) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            steps.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            throw unsupported(expression, "[" + inside + "] (only names and integer indexes)");
          }
        }
        pos = close + 1;
      } else {
        throw unsupported(expression, "'" + c + "' at position " + pos);
      }
    }
    return new JsonPath(expression, List.copyOf(steps), function);
  }

  private static IllegalArgumentException unsupported(String expression, String what) {
    return new IllegalArgumentException("JSONPath \"" + expression + "\" uses " + what
        + ", which is not supported (supported: $.a.b, ['a'], [0], and length() min() max() sum() avg() first() last())");
  }

  /** The value at this path in {@code root}; a missing node when absent. */
  JsonNode evaluate(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null || node.isMissingNode()) {
        return MissingNode.getInstance();
      }
      if (step instanceof String name) {
        node = node.isObject() ? node.get(name) : null;
      } else {
        final int index = (Integer) step;
        node = node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
      }
    }
    if (node == null) {
      return MissingNode.getInstance();
    }
    return function == null ? node : apply(node);
  }

  private JsonNode apply(JsonNode node) {
    if (!node.isArray()) {
      return MissingNode.getInstance();
    }
    final int size = node.size();
    switch (function) {
      case "length", "size" -> {
        return IntNode.valueOf(size);
      }
      case "first" -> {
        return size == 0 ? MissingNode.getInstance() : node.get(0);
      }
      case "last" -> {
        return size == 0 ? MissingNode.getInstance() : node.get(size - 1);
      }
      default -> {
        if (size == 0) {
          return MissingNode.getInstance();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (JsonNode element : node) {
          final double value = element.asDouble();
          min = Math.min(min, value);
          max = Math.max(max, value);
          sum += value;
        }
        return DoubleNode.valueOf(switch (function) {
          case "min" -> min;
          case "max" -> max;
          case "sum" -> sum;
          default -> sum / size;
        });
      }
    }
  }

  @Override
  public String toString() {
    return expression;
  }
}
