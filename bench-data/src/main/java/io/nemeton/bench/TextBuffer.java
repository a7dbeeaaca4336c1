package io.nemeton.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that formats text straight into bytes: decimal and base-36 integers,
 * fixed-point decimals and times of day, with no {@code String} or {@code String.format} per value.
 *
 * <p>Not thread-safe. Grows when needed (allocation only then); {@link #array()} is the live
 * backing array, valid until the next append or {@link #clear()}.
 */
public final class TextBuffer {
  private static final byte[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_VALUE_MAGNITUDE = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

  private byte[] bytes;
  private int length;

  public TextBuffer(int initialCapacityBytes) {
    if (initialCapacityBytes < 0 || initialCapacityBytes > MAX_CAPACITY) {
      throw new IllegalArgumentException("initialCapacityBytes=" + initialCapacityBytes + ": must be in [0, " + MAX_CAPACITY + "]");
    }
    bytes = new byte[Math.max(64, initialCapacityBytes)];
  }

  public int length() {
    return length;
  }

  public byte[] array() {
    return bytes;
  }

  public void clear() {
    length = 0;
  }

  /** The text so far, decoded as UTF-8; for tests and messages, not for hot paths. */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  /** Makes room for {@code extraBytes} more bytes. */
  public void ensureSpace(int extraBytes) {
    final long needed = (long) length + extraBytes;
    if (needed > bytes.length) {
      if (needed > MAX_CAPACITY) {
        throw new IllegalStateException("text buffer would exceed " + MAX_CAPACITY + " bytes: length=" + length + " extra=" + extraBytes);
      }
      bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(2L * bytes.length, MAX_CAPACITY)));
    }
  }

  /** Appends one byte, usually an ASCII character. */
  public void append(char ascii) {
    ensureSpace(1);
    bytes[length++] = (byte) ascii;
  }

  public void append(byte[] source) {
    ensureSpace(source.length);
    System.arraycopy(source, 0, bytes, length, source.length);
    length += source.length;
  }

  /** Appends {@code value} in decimal, with a leading {@code -} when negative. */
  public void appendLong(long value) {
    ensureSpace(20);
    if (value < 0) {
      bytes[length++] = '-';
      if (value == Long.MIN_VALUE) {
        append(MIN_VALUE_MAGNITUDE); // its magnitude does not fit a long
        return;
      }
      appendDecimalDigits(-value);
    } else {
      appendDecimalDigits(value);
    }
  }

  /** Appends a non-negative {@code value} in lower-case base 36 ({@code 0-9a-z}). */
  public void appendBase36(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("base-36 value=" + value + ": must be non-negative");
    }
    ensureSpace(13);
    int digitCount = 1;
    for (long rest = value / 36; rest != 0; rest /= 36) {
      digitCount++;
    }
    long rest = value;
    for (int i = length + digitCount - 1; i >= length; i--) {
      bytes[i] = DIGITS[(int) (rest % 36)];
      rest /= 36;
    }
    length += digitCount;
  }

  /**
   * Appends {@code unscaled / 10^scale} as a decimal with exactly {@code scale} fraction digits,
   * e.g. {@code (123405, 2)} gives {@code 1234.05}. {@code unscaled} must be non-negative and
   * {@code scale} in {@code [1, 18]}.
   */
  public void appendFixedPoint(long unscaled, int scale) {
    if (unscaled < 0 || scale < 1 || scale > 18) {
      throw new IllegalArgumentException("fixed point unscaled=" + unscaled + " scale=" + scale + ": need unscaled >= 0 and scale in [1, 18]");
    }
    long power = 1;
    for (int i = 0; i < scale; i++) {
      power *= 10;
    }
    ensureSpace(21);
    appendDecimalDigits(unscaled / power);
    bytes[length++] = '.';
    long fraction = unscaled % power;
    for (int i = length + scale - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    length += scale;
  }

  /**
   * Appends a time of day {@code HH:mm:ss.SSS} for {@code millisOfDay} in {@code [0, 86_400_000)}.
   */
  public void appendTimeOfDay(int millisOfDay) {
    if (millisOfDay < 0 || millisOfDay >= 86_400_000) {
      throw new IllegalArgumentException("millisOfDay=" + millisOfDay + ": must be in [0, 86400000)");
    }
    ensureSpace(12);
    final int millis = millisOfDay % 1000;
    final int seconds = millisOfDay / 1000 % 60;
    final int minutes = millisOfDay / 60_000 % 60;
    final int hours = millisOfDay / 3_600_000;
    final byte[] b = bytes;
    int p = length;
    b[p++] = (byte) ('0' + hours / 10);
    b[p++] = (byte) ('0' + hours % 10);
    b[p++] = ':';
    b[p++] = (byte) ('0' + minutes / 10);
    b[p++] = (byte) ('0' + minutes % 10);
    b[p++] = ':';
    b[p++] = (byte) ('0' + seconds / 10);
    b[p++] = (byte) ('0' + seconds % 10);
    b[p++] = '.';
    b[p++] = (byte) ('0' + millis / 100);
    b[p++] = (byte) ('0' + millis / 10 % 10);
    b[p++] = (byte) ('0' + millis % 10);
    length = p;
  }

  /** Writes the decimal digits of a non-negative {@code value}; space already ensured. */
  private void appendDecimalDigits(long value) {
    int digitCount = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digitCount++;
    }
    long rest = value;
    for (int i = length + digitCount - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    length += digitCount;
  }
}
