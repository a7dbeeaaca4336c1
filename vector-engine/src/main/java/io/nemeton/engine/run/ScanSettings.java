package io.nemeton.engine.run;

import io.nemeton.engine.kernel.Kernels;

/**
 * What a per-type engine needs from the engine to scan one segment: kernels, batch size (the
 * query's {@code vectorSize} or the engine's default), the bitmap-union limit and the bytes
 * bound of group-by structures. Immutable.
 */
public record ScanSettings(Kernels kernels, int vectorSize, int maxBitmapUnion, long maxGroupByBytes) {
}
