package io.nemeton.metadata.internal;

import io.nemeton.metadata.MetadataErrorCode;
import io.nemeton.metadata.MetadataStoreException;

/**
 * Argument checks at the store's boundary. Each failure is an
 * {@link MetadataErrorCode#INVALID_INPUT} naming the argument, its value and the limit.
 */
public final class Require {
  /** Longest id, datasource name, type or config key, in chars. */
  public static final int MAX_NAME_CHARS = 1024;

  private Require() {}

  /** A non-blank name of at most {@link #MAX_NAME_CHARS} chars. */
  public static String name(String what, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(what + "='" + value + "' must not be empty");
    }
    if (value.length() > MAX_NAME_CHARS) {
      throw invalid(what + " of " + value.length() + " chars is longer than the limit of "
          + MAX_NAME_CHARS + ": '" + value.substring(0, 64) + "...'");
    }
    return value;
  }

  /** Text of at most {@code maxChars} chars; null is allowed only if {@code nullable}. */
  public static String text(String what, String value, int maxChars, boolean nullable) {
    if (value == null) {
      if (nullable) {
        return null;
      }
      throw invalid(what + " must not be null");
    }
    if (value.length() > maxChars) {
      throw invalid(what + " of " + value.length() + " chars is longer than the limit of "
          + maxChars);
    }
    return value;
  }

  public static long range(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(what + "=" + value + " is outside [" + min + ", " + max + "]");
    }
    return value;
  }

  public static <T> T notNull(String what, T value) {
    if (value == null) {
      throw invalid(what + " must not be null");
    }
    return value;
  }

  public static MetadataStoreException invalid(String message) {
    return new MetadataStoreException(MetadataErrorCode.INVALID_INPUT, message);
  }
}
