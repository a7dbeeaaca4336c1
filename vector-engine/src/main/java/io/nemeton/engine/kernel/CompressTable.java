package io.nemeton.engine.kernel;

/**
 * Turns an eight-lane compare mask into the positions of its set lanes, so SIMD filters can write
 * a selection vector without a per-row branch: entry {@code mask * 8 + k} is the lane of the k-th
 * set bit of {@code mask} (ascending); entries past {@code bitCount(mask)} are 0 and are written
 * but then overwritten or ignored, as the output count only moves by {@code bitCount(mask)}.
 * 8 KiB, so it stays in L1 next to the batch.
 */
final class CompressTable {
  /** 256 masks times 8 lanes. */
  static final int[] LANES = build();

  private CompressTable() {}

  private static int[] build() {
    final int[] table = new int[256 * 8];
    for (int mask = 0; mask < 256; mask++) {
      int k = 0;
      for (int lane = 0; lane < 8; lane++) {
        if ((mask & (1 << lane)) != 0) {
          table[mask * 8 + k++] = lane;
        }
      }
    }
    return table;
  }
}
