package io.nemeton.engine.kernel;

/**
 * The scalar reference for {@link CountKernels}.
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class ScalarCountKernels implements CountKernels {
  static final ScalarCountKernels INSTANCE = new ScalarCountKernels();

  private ScalarCountKernels() {}

  @Override
  public int countNonNull(boolean[] nulls, int count) {
    int nonNull = 0;
    for (int i = 0; i < count; i++) {
      nonNull += nulls[i] ? 0 : 1;
    }
    return nonNull;
  }

  @Override
  public int countNonNull(boolean[] nulls, int[] selection, int count) {
    int nonNull = 0;
    for (int i = 0; i < count; i++) {
      nonNull += nulls[selection[i]] ? 0 : 1;
    }
    return nonNull;
  }

  @Override
  public boolean anyNonNull(boolean[] nulls, int count) {
    for (int i = 0; i < count; i++) {
      if (!nulls[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean anyNonNull(boolean[] nulls, int[] selection, int count) {
    for (int i = 0; i < count; i++) {
      if (!nulls[selection[i]]) {
        return true;
      }
    }
    return false;
  }
}
