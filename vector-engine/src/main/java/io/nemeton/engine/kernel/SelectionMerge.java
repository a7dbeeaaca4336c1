package io.nemeton.engine.kernel;

/**
 * Intersection and union of two ascending position lists (selection vectors) by a branch-free
 * merge: each step writes a candidate and moves the counts by comparison results, so the cost
 * does not depend on how the lists interleave. One implementation serves both kernel modes: a
 * merge carries a dependency from step to step that vectors cannot break, and at batch sizes
 * (≤ 1024 positions) it runs in a few hundred nanoseconds.
 *
 * <p>Stateless; never allocates.
 */
public final class SelectionMerge {
  private SelectionMerge() {}

  /**
   * Writes the positions in both lists to {@code out} (at least {@code min(aCount, bCount)} long,
   * distinct from both inputs) and returns their number.
   */
  public static int intersect(int[] a, int aCount, int[] b, int bCount, int[] out) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < aCount & j < bCount) {
      final int x = a[i];
      final int y = b[j];
      out[n] = x;
      n += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    return n;
  }

  /**
   * Writes the positions in either list to {@code out} (at least {@code aCount + bCount} long or
   * the batch size, distinct from both inputs) and returns their number.
   */
  public static int union(int[] a, int aCount, int[] b, int bCount, int[] out) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < aCount & j < bCount) {
      final int x = a[i];
      final int y = b[j];
      out[n++] = Math.min(x, y);
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    while (i < aCount) {
      out[n++] = a[i++];
    }
    while (j < bCount) {
      out[n++] = b[j++];
    }
    return n;
  }
}
