package io.nemeton.bitmap;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** Random dictionary-id columns shaped like real ones, and the BitSet oracle that checks them. */
final class TestColumns {
  private TestColumns() {}

  /** An int in [low, high], log-uniform so small and large sizes are both common. */
  static int logUniform(SplittableRandom random, int low, int high) {
    final double span = Math.log(high + 1.0) - Math.log(low + 1.0);
    final int value = (int) Math.floor(Math.exp(Math.log(low + 1.0) + random.nextDouble() * span)) - 1;
    return Math.max(low, Math.min(high, value));
  }

  /** Single-value ids of {@code rowCount} rows over {@code cardinality} ids, in one of four shapes. */
  static int[] singleValued(SplittableRandom random, int rowCount, int cardinality) {
    final int[] ids = new int[rowCount];
    switch (random.nextInt(4)) {
      case 0 -> { // uniform: sparse bitmaps, array containers
        for (int row = 0; row < rowCount; row++) {
          ids[row] = random.nextInt(cardinality);
        }
      }
      case 1 -> { // skewed: a few dense ids, bitmap containers
        for (int row = 0; row < rowCount; row++) {
          final double u = random.nextDouble();
          ids[row] = (int) (cardinality * u * u * u * u);
        }
      }
      case 2 -> { // sorted runs, as rows sorted by this dimension: run containers
        int row = 0;
        while (row < rowCount) {
          final int id = random.nextInt(cardinality);
          final int length = 1 + random.nextInt(1 + random.nextInt(70_000));
          for (int end = Math.min(rowCount, row + length); row < end; row++) {
            ids[row] = id;
          }
        }
      }
      default -> { // runs with noise: mixed containers
        int current = random.nextInt(cardinality);
        for (int row = 0; row < rowCount; row++) {
          if (random.nextInt(100) < 3) {
            current = random.nextInt(cardinality);
          }
          ids[row] = random.nextInt(10) == 0 ? random.nextInt(cardinality) : current;
        }
      }
    }
    return ids;
  }

  /** The rows holding each id in {@code [fromId, toId)}, by a plain loop over the rows. */
  static BitSet[] oracle(int[] rowStarts, int[] ids, int rowCount, int fromId, int toId) {
    final BitSet[] expected = new BitSet[toId - fromId];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = new BitSet();
    }
    for (int row = 0; row < rowCount; row++) {
      final int from = rowStarts == null ? row : rowStarts[row];
      final int to = rowStarts == null ? row + 1 : rowStarts[row + 1];
      for (int i = from; i < to; i++) {
        if (ids[i] >= fromId && ids[i] < toId) {
          expected[ids[i] - fromId].set(row);
        }
      }
    }
    return expected;
  }

  static BitSet toBitSet(ImmutableRoaringBitmap bitmap) {
    final BitSet bits = new BitSet();
    final PeekableIntIterator rows = bitmap.getIntIterator();
    while (rows.hasNext()) {
      bits.set(rows.next());
    }
    return bits;
  }

  static BitSet randomBitSet(SplittableRandom random, int rowCount) {
    final BitSet bits = new BitSet(rowCount);
    switch (random.nextInt(5)) {
      case 0 -> { } // empty
      case 1 -> bits.set(0, rowCount); // every row
      case 2 -> { // sparse
        final int count = random.nextInt(1 + rowCount / 50);
        for (int i = 0; i < count && rowCount > 0; i++) {
          bits.set(random.nextInt(rowCount));
        }
      }
      case 3 -> { // runs
        int row = random.nextInt(1000);
        while (row < rowCount) {
          final int end = Math.min(rowCount, row + 1 + random.nextInt(20_000));
          bits.set(row, end);
          row = end + 1 + random.nextInt(20_000);
        }
      }
      default -> { // dense random
        for (int row = 0; row < rowCount; row++) {
          if (random.nextInt(3) != 0) {
            bits.set(row);
          }
        }
      }
    }
    return bits;
  }
}
