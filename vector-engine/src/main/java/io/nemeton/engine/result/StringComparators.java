package io.nemeton.engine.result;

import io.nemeton.engine.query.StringOrdering;
import java.math.BigDecimal;

/**
 * Druid's string orderings, used by bound filters, limit specs, topN dimension metrics and search
 * sorts. Null sorts first in every ordering. Stateless and thread-safe; allocates only when a
 * numeric ordering parses its operands.
 */
public final class StringComparators {
  private StringComparators() {
  }

  public static int compare(StringOrdering ordering, String left, String right) {
    if (left == right) {
      return 0;
    }
    if (left == null) {
      return -1;
    }
    if (right == null) {
      return 1;
    }
    return switch (ordering) {
      case LEXICOGRAPHIC, NATURAL -> lexicographic(left, right);
      case NUMERIC -> numeric(left, right);
      case STRLEN -> {
        final int byLength = Integer.compare(left.length(), right.length());
        yield byLength != 0 ? byLength : lexicographic(left, right);
      }
      case ALPHANUMERIC, VERSION -> alphanumeric(left, right);
    };
  }

  /** UTF-8 byte order, which is code point order (Java's UTF-16 order differs for surrogates). */
  public static int lexicographic(String left, String right) {
    final int length = Math.min(left.length(), right.length());
    for (int i = 0; i < length; i++) {
      final char a = left.charAt(i);
      final char b = right.charAt(i);
      if (a != b) {
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
          return Integer.compare(left.codePointAt(i), right.codePointAt(i));
        }
        return Character.compare(a, b);
      }
    }
    return Integer.compare(left.length(), right.length());
  }

  /** Numbers before other strings; numbers by value, other strings lexicographically. */
  public static int numeric(String left, String right) {
    final BigDecimal a = decimal(left);
    final BigDecimal b = decimal(right);
    if (a != null && b != null) {
      return a.compareTo(b);
    }
    if (a != null) {
      return -1;
    }
    if (b != null) {
      return 1;
    }
    return lexicographic(left, right);
  }

  /** The value of a decimal string, or null when it is not one. */
  public static BigDecimal decimal(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    final char first = text.charAt(0);
    if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs of digits compare by value, other characters one by one. */
  public static int alphanumeric(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      final char a = left.charAt(i);
      final char b = right.charAt(j);
      if (Character.isDigit(a) && Character.isDigit(b)) {
        int endA = i;
        while (endA < left.length() && Character.isDigit(left.charAt(endA))) {
          endA++;
        }
        int endB = j;
        while (endB < right.length() && Character.isDigit(right.charAt(endB))) {
          endB++;
        }
        final int byValue = new BigDecimal(left.substring(i, endA)).compareTo(new BigDecimal(right.substring(j, endB)));
        if (byValue != 0) {
          return byValue;
        }
        final int byLength = Integer.compare(endA - i, endB - j);
        if (byLength != 0) {
          return byLength;
        }
        i = endA;
        j = endB;
      } else {
        if (a != b) {
          return Character.compare(a, b);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}
