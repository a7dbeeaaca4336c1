package io.nemeton.engine.kernel;

/**
 * Which implementation of the batch kernels a query runs on: the scalar reference or the SIMD one
 * (Java Vector API). Chosen once when a query is planned, never in the middle of a scan; both give
 * bit-identical results on every kernel (see {@link DoubleKernels} for how double sums manage it).
 */
public enum KernelMode {
  /** Plain Java loops: the reference every other implementation is tested against. */
  SCALAR,
  /** Java Vector API loops on 256-bit vectors; needs {@link Kernels#simdSupported()}. */
  SIMD
}
