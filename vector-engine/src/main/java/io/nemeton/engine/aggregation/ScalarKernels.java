package io.nemeton.engine.aggregation;

/**
 * The scalar reference {@link BatchKernels}: plain loops in row order. Stateless and
 * thread-safe; allocates nothing.
 */
public final class ScalarKernels implements BatchKernels {
  public static final ScalarKernels INSTANCE = new ScalarKernels();

  private ScalarKernels() {
  }

  @Override
  public long sumLong(long[] values, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public long sumLong(long[] values, int[] selection, int size) {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[selection[i]];
    }
    return sum;
  }

  @Override
  public double sumDouble(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public double sumDouble(double[] values, int[] selection, int size) {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[selection[i]];
    }
    return sum;
  }

  @Override
  public float sumFloat(float start, float[] values, int from, int to) {
    float sum = start;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public float sumFloat(float start, float[] values, int[] selection, int size) {
    float sum = start;
    for (int i = 0; i < size; i++) {
      sum += values[selection[i]];
    }
    return sum;
  }

  @Override
  public long minLong(long[] values, boolean[] nulls, int from, int to) {
    long min = Long.MAX_VALUE;
    if (nulls == null) {
      for (int i = from; i < to; i++) {
        min = Math.min(min, values[i]);
      }
    } else {
      for (int i = from; i < to; i++) {
        if (!nulls[i]) {
          min = Math.min(min, values[i]);
        }
      }
    }
    return min;
  }

  @Override
  public long minLong(long[] values, boolean[] nulls, int[] selection, int size) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      final int position = selection[i];
      if (nulls == null || !nulls[position]) {
        min = Math.min(min, values[position]);
      }
    }
    return min;
  }

  @Override
  public long maxLong(long[] values, boolean[] nulls, int from, int to) {
    long max = Long.MIN_VALUE;
    if (nulls == null) {
      for (int i = from; i < to; i++) {
        max = Math.max(max, values[i]);
      }
    } else {
      for (int i = from; i < to; i++) {
        if (!nulls[i]) {
          max = Math.max(max, values[i]);
        }
      }
    }
    return max;
  }

  @Override
  public long maxLong(long[] values, boolean[] nulls, int[] selection, int size) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      final int position = selection[i];
      if (nulls == null || !nulls[position]) {
        max = Math.max(max, values[position]);
      }
    }
    return max;
  }

  @Override
  public double minDouble(double[] values, boolean[] nulls, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (nulls == null || !nulls[i]) {
        min = Math.min(min, values[i]);
      }
    }
    return min;
  }

  @Override
  public double minDouble(double[] values, boolean[] nulls, int[] selection, int size) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      final int position = selection[i];
      if (nulls == null || !nulls[position]) {
        min = Math.min(min, values[position]);
      }
    }
    return min;
  }

  @Override
  public double maxDouble(double[] values, boolean[] nulls, int from, int to) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (nulls == null || !nulls[i]) {
        max = Math.max(max, values[i]);
      }
    }
    return max;
  }

  @Override
  public double maxDouble(double[] values, boolean[] nulls, int[] selection, int size) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      final int position = selection[i];
      if (nulls == null || !nulls[position]) {
        max = Math.max(max, values[position]);
      }
    }
    return max;
  }

  @Override
  public int countNonNull(boolean[] nulls, int from, int to) {
    if (nulls == null) {
      return to - from;
    }
    int count = 0;
    for (int i = from; i < to; i++) {
      count += nulls[i] ? 0 : 1;
    }
    return count;
  }

  @Override
  public int countNonNull(boolean[] nulls, int[] selection, int size) {
    if (nulls == null) {
      return size;
    }
    int count = 0;
    for (int i = 0; i < size; i++) {
      count += nulls[selection[i]] ? 0 : 1;
    }
    return count;
  }
}
