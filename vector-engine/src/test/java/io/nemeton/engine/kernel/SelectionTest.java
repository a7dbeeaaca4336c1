package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AND/OR of selections with their short-cuts, against {@link BitSet}. */
class SelectionTest {
  private static final int ROWS = 1024;

  private static void fill(Selection selection, BitSet bits, SplittableRandom random, int rowCount) {
    switch (random.nextInt(4)) {
      case 0 -> {
        selection.selectAll(rowCount);
        bits.set(0, rowCount);
      }
      case 1 -> selection.selectNone();
      default -> {
        final double density = random.nextDouble();
        int n = 0;
        for (int row = 0; row < rowCount; row++) {
          if (random.nextDouble() < density) {
            selection.positions()[n++] = row;
            bits.set(row);
          }
        }
        selection.setSelected(n, rowCount);
      }
    }
  }

  private static BitSet toBits(Selection selection) {
    final BitSet bits = new BitSet();
    final int[] positions = selection.materialize();
    for (int i = 0; i < selection.count(); i++) {
      bits.set(positions[i]);
    }
    return bits;
  }

  @Test
  void andOrMatchBitSet() {
    final long seed = RandomBatches.seed();
    final SplittableRandom random = new SplittableRandom(seed);
    final Selection a = new Selection(ROWS);
    final Selection b = new Selection(ROWS);
    final Selection out = new Selection(ROWS);
    for (int round = 0; round < 5000; round++) {
      final int rowCount = random.nextInt(ROWS + 1);
      final BitSet aBits = new BitSet();
      final BitSet bBits = new BitSet();
      fill(a, aBits, random, rowCount);
      fill(b, bBits, random, rowCount);
      final String at = "seed=" + seed + " round=" + round;
      final BitSet and = (BitSet) aBits.clone();
      and.and(bBits);
      Selection.and(a, b, out);
      assertEquals(and, toBits(out), at + " and");
      assertEquals(and.cardinality(), out.count(), at);
      final BitSet or = (BitSet) aBits.clone();
      or.or(bBits);
      Selection.or(a, b, rowCount, out);
      assertEquals(or, toBits(out), at + " or");
      assertEquals(or.cardinality() == rowCount, out.isAll() || rowCount == 0, at + " or all");
    }
  }

  @Test
  void shortCutsAndChecks() {
    final Selection all = new Selection(8);
    all.selectAll(8);
    final Selection some = new Selection(8);
    some.positions()[0] = 3;
    some.setSelected(1, 8);
    Selection.and(all, some, all); // short-cut may write into an input
    assertEquals(1, all.count());
    assertEquals(3, all.positions()[0]);
    assertTrue(!all.isAll());
    final IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Selection.or(all, some, 8, some));
    assertEquals("selection output must differ from both inputs", error.getMessage());
    final IllegalArgumentException over =
        assertThrows(IllegalArgumentException.class, () -> some.setSelected(3, 9));
    assertEquals("rowCount=9 outside [0, capacityRows=8]", over.getMessage());
  }
}
