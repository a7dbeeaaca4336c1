package io.nemeton.engine.expression;

import java.util.Objects;
import java.util.Set;

/** A constant: a number, a string, {@code null}, or an array literal such as {@code <LONG>[1, 2]}. */
public record LiteralExpression(ExpressionValue value) implements Expression {

  public LiteralExpression {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ExpressionValue evaluate(ExpressionBinding binding) {
    return value;
  }

  /** The literal's type; unknown for the untyped {@code null} literal. */
  @Override
  public ExpressionType outputType(InputTypes types) {
    return value.isNull() && value.type() == ExpressionType.STRING ? null : value.type();
  }

  @Override
  public String stringify() {
    if (value.type().isArray()) {
      final Object[] elements = value.asArray();
      if (elements == null) {
        return "null";
      }
      final StringBuilder text = new StringBuilder("<").append(value.type().elementType().druidName()).append(">[");
      for (int i = 0; i < elements.length; i++) {
        if (i > 0) {
          text.append(", ");
        }
        text.append(scalar(elements[i]));
      }
      return text.append(']').toString();
    }
    return scalar(value.value());
  }

  private static String scalar(Object scalar) {
    if (scalar == null) {
      return "null";
    }
    if (scalar instanceof String text) {
      return quote(text, '\'');
    }
    return scalar.toString();
  }

  /** Quotes text with {@code quote}, escaping backslashes, the quote and control characters. */
  static String quote(String text, char quote) {
    final StringBuilder quoted = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        default -> {
          if (c == quote) {
            quoted.append('\\').append(c);
          } else if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append(quote).toString();
  }

  @Override
  public void collectBindings(Set<String> names) {
    // a constant reads nothing
  }
}
