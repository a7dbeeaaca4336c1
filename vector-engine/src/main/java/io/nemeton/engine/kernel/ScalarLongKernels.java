package io.nemeton.engine.kernel;

/**
 * The scalar reference for {@link LongKernels}: one plain loop per form. Null rows take the
 * identity through a conditional move rather than a branch, so skewed null masks cost nothing.
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class ScalarLongKernels implements LongKernels {
  static final ScalarLongKernels INSTANCE = new ScalarLongKernels();

  private ScalarLongKernels() {}

  @Override
  public long sum(long[] values, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public long sumRange(long[] values, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public long sum(long[] values, int[] selection, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[selection[i]];
    }
    return sum;
  }

  @Override
  public long sum(long[] values, boolean[] nulls, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += nulls[i] ? 0 : values[i];
    }
    return sum;
  }

  @Override
  public long sum(long[] values, int[] selection, boolean[] nulls, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      sum += nulls[row] ? 0 : values[row];
    }
    return sum;
  }

  @Override
  public long min(long[] values, int count) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[i]);
    }
    return min;
  }

  @Override
  public long min(long[] values, int[] selection, int count) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[selection[i]]);
    }
    return min;
  }

  @Override
  public long min(long[] values, boolean[] nulls, int count) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, nulls[i] ? Long.MAX_VALUE : values[i]);
    }
    return min;
  }

  @Override
  public long min(long[] values, int[] selection, boolean[] nulls, int count) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      min = Math.min(min, nulls[row] ? Long.MAX_VALUE : values[row]);
    }
    return min;
  }

  @Override
  public long max(long[] values, int count) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }

  @Override
  public long max(long[] values, int[] selection, int count) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, values[selection[i]]);
    }
    return max;
  }

  @Override
  public long max(long[] values, boolean[] nulls, int count) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, nulls[i] ? Long.MIN_VALUE : values[i]);
    }
    return max;
  }

  @Override
  public long max(long[] values, int[] selection, boolean[] nulls, int count) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      max = Math.max(max, nulls[row] ? Long.MIN_VALUE : values[row]);
    }
    return max;
  }
}
