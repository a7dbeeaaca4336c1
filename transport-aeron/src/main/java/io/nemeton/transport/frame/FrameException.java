package io.nemeton.transport.frame;

/**
 * A frame that cannot be accepted: its message names the field, the value found and the limit or
 * the expected value. Thrown by decoding; the only exception decoding throws for bad bytes.
 */
public final class FrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FrameException(String message) {
    super(message);
  }

  /** {@code frame <field>=<value> <rule>}, e.g. {@code field("QUERY segmentCount", 9, "limit=8")}. */
  public static FrameException field(String field, long value, String rule) {
    return new FrameException("frame " + field + "=" + value + " " + rule);
  }
}
