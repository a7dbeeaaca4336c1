package io.nemeton.engine.kernel;

/**
 * The scalar reference for {@link DoubleKernels}. Sums keep the eight partial sums of the
 * eight-lane order in locals (which also lets the CPU overlap eight independent additions).
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class ScalarDoubleKernels implements DoubleKernels {
  static final ScalarDoubleKernels INSTANCE = new ScalarDoubleKernels();

  private ScalarDoubleKernels() {}

  @Override
  public double sum(double[] values, int count) {
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      p0 += values[i];
      p1 += values[i + 1];
      p2 += values[i + 2];
      p3 += values[i + 3];
      p4 += values[i + 4];
      p5 += values[i + 5];
      p6 += values[i + 6];
      p7 += values[i + 7];
    }
    final int rest = count - i;
    if (rest > 0) p0 += values[i];
    if (rest > 1) p1 += values[i + 1];
    if (rest > 2) p2 += values[i + 2];
    if (rest > 3) p3 += values[i + 3];
    if (rest > 4) p4 += values[i + 4];
    if (rest > 5) p5 += values[i + 5];
    if (rest > 6) p6 += values[i + 6];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sumRange(double[] values, int from, int to) {
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
    final int bound = from + ((to - from) & -8);
    int i = from;
    for (; i < bound; i += 8) {
      p0 += values[i];
      p1 += values[i + 1];
      p2 += values[i + 2];
      p3 += values[i + 3];
      p4 += values[i + 4];
      p5 += values[i + 5];
      p6 += values[i + 6];
      p7 += values[i + 7];
    }
    final int rest = to - i;
    if (rest > 0) p0 += values[i];
    if (rest > 1) p1 += values[i + 1];
    if (rest > 2) p2 += values[i + 2];
    if (rest > 3) p3 += values[i + 3];
    if (rest > 4) p4 += values[i + 4];
    if (rest > 5) p5 += values[i + 5];
    if (rest > 6) p6 += values[i + 6];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(double[] values, int[] selection, int count) {
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      p0 += values[selection[i]];
      p1 += values[selection[i + 1]];
      p2 += values[selection[i + 2]];
      p3 += values[selection[i + 3]];
      p4 += values[selection[i + 4]];
      p5 += values[selection[i + 5]];
      p6 += values[selection[i + 6]];
      p7 += values[selection[i + 7]];
    }
    final int rest = count - i;
    if (rest > 0) p0 += values[selection[i]];
    if (rest > 1) p1 += values[selection[i + 1]];
    if (rest > 2) p2 += values[selection[i + 2]];
    if (rest > 3) p3 += values[selection[i + 3]];
    if (rest > 4) p4 += values[selection[i + 4]];
    if (rest > 5) p5 += values[selection[i + 5]];
    if (rest > 6) p6 += values[selection[i + 6]];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(double[] values, boolean[] nulls, int count) {
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      p0 += nulls[i] ? 0.0 : values[i];
      p1 += nulls[i + 1] ? 0.0 : values[i + 1];
      p2 += nulls[i + 2] ? 0.0 : values[i + 2];
      p3 += nulls[i + 3] ? 0.0 : values[i + 3];
      p4 += nulls[i + 4] ? 0.0 : values[i + 4];
      p5 += nulls[i + 5] ? 0.0 : values[i + 5];
      p6 += nulls[i + 6] ? 0.0 : values[i + 6];
      p7 += nulls[i + 7] ? 0.0 : values[i + 7];
    }
    final int rest = count - i;
    if (rest > 0) p0 += nulls[i] ? 0.0 : values[i];
    if (rest > 1) p1 += nulls[i + 1] ? 0.0 : values[i + 1];
    if (rest > 2) p2 += nulls[i + 2] ? 0.0 : values[i + 2];
    if (rest > 3) p3 += nulls[i + 3] ? 0.0 : values[i + 3];
    if (rest > 4) p4 += nulls[i + 4] ? 0.0 : values[i + 4];
    if (rest > 5) p5 += nulls[i + 5] ? 0.0 : values[i + 5];
    if (rest > 6) p6 += nulls[i + 6] ? 0.0 : values[i + 6];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(double[] values, int[] selection, boolean[] nulls, int count) {
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      p0 += valueOrZero(values, nulls, selection[i]);
      p1 += valueOrZero(values, nulls, selection[i + 1]);
      p2 += valueOrZero(values, nulls, selection[i + 2]);
      p3 += valueOrZero(values, nulls, selection[i + 3]);
      p4 += valueOrZero(values, nulls, selection[i + 4]);
      p5 += valueOrZero(values, nulls, selection[i + 5]);
      p6 += valueOrZero(values, nulls, selection[i + 6]);
      p7 += valueOrZero(values, nulls, selection[i + 7]);
    }
    final int rest = count - i;
    if (rest > 0) p0 += valueOrZero(values, nulls, selection[i]);
    if (rest > 1) p1 += valueOrZero(values, nulls, selection[i + 1]);
    if (rest > 2) p2 += valueOrZero(values, nulls, selection[i + 2]);
    if (rest > 3) p3 += valueOrZero(values, nulls, selection[i + 3]);
    if (rest > 4) p4 += valueOrZero(values, nulls, selection[i + 4]);
    if (rest > 5) p5 += valueOrZero(values, nulls, selection[i + 5]);
    if (rest > 6) p6 += valueOrZero(values, nulls, selection[i + 6]);
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  static double valueOrZero(double[] values, boolean[] nulls, int row) {
    return nulls[row] ? 0.0 : values[row];
  }

  @Override
  public double min(double[] values, int count) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[i]);
    }
    return min;
  }

  @Override
  public double min(double[] values, int[] selection, int count) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[selection[i]]);
    }
    return min;
  }

  @Override
  public double min(double[] values, boolean[] nulls, int count) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, nulls[i] ? Double.POSITIVE_INFINITY : values[i]);
    }
    return min;
  }

  @Override
  public double min(double[] values, int[] selection, boolean[] nulls, int count) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      min = Math.min(min, nulls[row] ? Double.POSITIVE_INFINITY : values[row]);
    }
    return min;
  }

  @Override
  public double max(double[] values, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }

  @Override
  public double max(double[] values, int[] selection, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, values[selection[i]]);
    }
    return max;
  }

  @Override
  public double max(double[] values, boolean[] nulls, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, nulls[i] ? Double.NEGATIVE_INFINITY : values[i]);
    }
    return max;
  }

  @Override
  public double max(double[] values, int[] selection, boolean[] nulls, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      max = Math.max(max, nulls[row] ? Double.NEGATIVE_INFINITY : values[row]);
    }
    return max;
  }
}
