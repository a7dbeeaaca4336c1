package io.nemeton.bench;

/**
 * Draws ranks {@code 1..n} with probability proportional to {@code 1 / rank^exponent}, in constant
 * expected time and constant memory per draw, by rejection-inversion (W. Hörmann and G. Derflinger,
 * "Rejection-inversion to generate variates from monotone discrete distributions", ACM TOMACS 6(3),
 * 1996).
 *
 * <p>The method inverts the integral {@code H} of the continuous hat {@code h(x) = x^-exponent},
 * rounds to the nearest integer and accepts unless the draw landed in the thin sliver where the hat
 * is above the discrete probability; the acceptance rate is above 90% for every exponent we use, so
 * a draw costs about one {@code log1p} and one {@code exp}.
 *
 * <p>Immutable and thread-safe; {@link #sample} does not allocate.
 */
public final class ZipfSampler {
  private final long n;
  private final double exponent;
  private final double integralFirst;
  private final double integralLast;
  private final double acceptWidth;

  /**
   * @param n number of ranks, at least 1
   * @param exponent the skew, greater than 0 (1 is classic Zipf; smaller is flatter)
   */
  public ZipfSampler(long n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("Zipf rank count n=" + n + ": must be at least 1");
    }
    if (!(exponent > 0 && exponent <= 20)) {
      throw new IllegalArgumentException("Zipf exponent=" + exponent + ": must be in (0, 20]");
    }
    this.n = n;
    this.exponent = exponent;
    this.integralFirst = integral(1.5) - 1.0;
    this.integralLast = integral(n + 0.5);
    this.acceptWidth = 2.0 - inverseIntegral(integral(2.5) - hat(2.0));
  }

  public long rankCount() {
    return n;
  }

  public double exponent() {
    return exponent;
  }

  /** A rank in {@code [1, n]}; rank 1 is the most frequent. */
  public long sample(DeterministicRandom random) {
    while (true) {
      final double u = integralLast + random.nextDouble() * (integralFirst - integralLast);
      final double x = inverseIntegral(u);
      long k = (long) (x + 0.5);
      if (k < 1) {
        k = 1;
      } else if (k > n) {
        k = n;
      }
      if (k - x <= acceptWidth || u >= integral(k + 0.5) - hat(k)) {
        return k;
      }
    }
  }

  /** {@code h(x) = x^-exponent}. */
  private double hat(double x) {
    return Math.exp(-exponent * Math.log(x));
  }

  /** {@code H(x) = (x^(1-exponent) - 1) / (1 - exponent)}, or {@code log x} at exponent 1. */
  private double integral(double x) {
    final double logX = Math.log(x);
    return expm1OverX((1.0 - exponent) * logX) * logX;
  }

  private double inverseIntegral(double y) {
    double t = y * (1.0 - exponent);
    if (t < -1.0) {
      t = -1.0; // rounding can push the argument just past the pole of log1p
    }
    return Math.exp(log1pOverX(t) * y);
  }

  /** {@code log1p(x) / x}, continuous at 0 (where direct division loses all precision). */
  private static double log1pOverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.log1p(x) / x;
    }
    return 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
  }

  /** {@code expm1(x) / x}, continuous at 0. */
  private static double expm1OverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.expm1(x) / x;
    }
    return 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
  }
}
