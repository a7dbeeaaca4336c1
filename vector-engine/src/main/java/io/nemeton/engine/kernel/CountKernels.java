package io.nemeton.engine.kernel;

/**
 * Counting kernels over a batch's null mask: how many rows (of all, or of a selection) are not
 * null. A row count without a mask needs no kernel: it is {@code count}.
 *
 * <p>Implementations are stateless and thread-safe and never allocate.
 */
public sealed interface CountKernels permits ScalarCountKernels, SimdCountKernels {
  /** Rows in {@code [0, count)} whose {@code nulls} flag is false. */
  int countNonNull(boolean[] nulls, int count);

  /** Rows {@code selection[0..count)} whose {@code nulls} flag is false. */
  int countNonNull(boolean[] nulls, int[] selection, int count);

  /** Whether any row in {@code [0, count)} is not null; stops at the first one. */
  boolean anyNonNull(boolean[] nulls, int count);

  /** Whether any row of {@code selection[0..count)} is not null; stops at the first one. */
  boolean anyNonNull(boolean[] nulls, int[] selection, int count);
}
