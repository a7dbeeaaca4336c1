package io.nemeton.codecs.internal;

/**
 * Finds the decimal scaling of a block of doubles or floats: the smallest exponent {@code e}
 * (0..18) such that every value {@code v} comes back bit for bit from the long {@code s =
 * Math.round(v * 10^e)} as {@code (double) s / 10^e} (for floats, that quotient rounded to float).
 * Division by an exact power of ten is correctly rounded, so any value written with at most {@code
 * e} decimals and about 15 significant digits qualifies; NaN, the infinities and -0.0 never do, and
 * their blocks stay raw.
 *
 * <p>Scaled values are kept within ±2^52 so that the decoder's vector path (which adds 2^31 to the
 * frame of reference) stays exact. Stateless and thread-safe.
 */
public final class DecimalScaling {
  public static final int MAX_EXPONENT = 18;
  /** Largest magnitude of a scaled value and of the stored frame of reference. */
  public static final long MAX_MAGNITUDE = 1L << 52;
  /** Body fields after the common header: u8 exponent, i64 base, u8 width. */
  public static final int FIELDS = 1 + 8 + 1;

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

  private DecimalScaling() {}

  /** {@code 10^exponent}, exact in a double. */
  public static double divisor(int exponent) {
    return POWERS_OF_TEN[exponent];
  }

  /** The smallest exponent that scales every double exactly, filling {@code scaled}; -1 when none does. */
  public static int scaleDoubles(double[] values, int count, long[] scaled) {
    for (int exponent = 0; exponent <= MAX_EXPONENT; exponent++) {
      final double power = POWERS_OF_TEN[exponent];
      boolean exact = true;
      for (int i = 0; i < count && exact; i++) {
        final double value = values[i];
        final long scaledValue = Math.round(value * power);
        exact = scaledValue <= MAX_MAGNITUDE && scaledValue >= -MAX_MAGNITUDE
            && Double.doubleToRawLongBits((double) scaledValue / power) == Double.doubleToRawLongBits(value);
        scaled[i] = scaledValue;
      }
      if (exact) {
        return exponent;
      }
    }
    return -1;
  }

  /** The smallest exponent that scales every float exactly, filling {@code scaled}; -1 when none does. */
  public static int scaleFloats(float[] values, int count, long[] scaled) {
    for (int exponent = 0; exponent <= MAX_EXPONENT; exponent++) {
      final double power = POWERS_OF_TEN[exponent];
      boolean exact = true;
      for (int i = 0; i < count && exact; i++) {
        final float value = values[i];
        final long scaledValue = Math.round((double) value * power);
        exact = scaledValue <= MAX_MAGNITUDE && scaledValue >= -MAX_MAGNITUDE
            && Float.floatToRawIntBits((float) ((double) scaledValue / power)) == Float.floatToRawIntBits(value);
        scaled[i] = scaledValue;
      }
      if (exact) {
        return exponent;
      }
    }
    return -1;
  }
}
