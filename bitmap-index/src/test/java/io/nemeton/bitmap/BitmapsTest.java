package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.GrowableBytes;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/** Set operations against BitSet, over mapped (portable) bitmaps as the engine will see them. */
class BitmapsTest {

  @Test
  void unionsIntersectionsDifferencesAndComplementsMatchBitSet() {
    Seeds.trials(60, random -> {
      final int rowCount = TestColumns.logUniform(random, 0, 300_000);
      final int count = random.nextInt(7);
      final BitSet[] expected = new BitSet[count];
      final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[count];
      for (int i = 0; i < count; i++) {
        expected[i] = TestColumns.randomBitSet(random, rowCount);
        bitmaps[i] = mapped(expected[i]);
      }
      final BitSet union = new BitSet();
      final BitSet intersection = new BitSet();
      intersection.set(0, rowCount);
      for (BitSet bits : expected) {
        union.or(bits);
        intersection.and(bits);
      }
      assertEquals(union, TestColumns.toBitSet(Bitmaps.union(bitmaps, count, rowCount)), "union");
      assertEquals(intersection, TestColumns.toBitSet(Bitmaps.intersection(bitmaps, count, rowCount)), "intersection");
      if (count >= 2) {
        final BitSet difference = (BitSet) expected[0].clone();
        difference.andNot(expected[1]);
        assertEquals(difference, TestColumns.toBitSet(Bitmaps.difference(bitmaps[0], bitmaps[1], rowCount)), "difference");
      }
      if (count >= 1) {
        final BitSet complement = new BitSet();
        complement.set(0, rowCount);
        complement.andNot(expected[0]);
        assertEquals(complement, TestColumns.toBitSet(Bitmaps.complement(bitmaps[0], rowCount)), "complement");
      }
    });
  }

  @Test
  void trivialCasesReturnWithoutWork() {
    final int rowCount = 1000;
    final ImmutableRoaringBitmap some = mapped(bits(3, 5, 900));
    final ImmutableRoaringBitmap all = Bitmaps.allRows(rowCount);
    final ImmutableRoaringBitmap empty = Bitmaps.empty();
    final ImmutableRoaringBitmap[] inputs = {empty, some, empty};

    assertSame(empty, Bitmaps.union(new ImmutableRoaringBitmap[0], 0, rowCount));
    assertSame(some, Bitmaps.union(inputs, 3, rowCount), "a single non-empty input is the union");
    assertSame(all, Bitmaps.union(new ImmutableRoaringBitmap[] {some, all}, 2, rowCount));

    assertEquals(rowCount, Bitmaps.intersection(new ImmutableRoaringBitmap[0], 0, rowCount).getCardinality());
    assertSame(empty, Bitmaps.intersection(inputs, 3, rowCount));
    assertSame(some, Bitmaps.intersection(new ImmutableRoaringBitmap[] {all, some, all}, 3, rowCount));

    assertSame(some, Bitmaps.difference(some, empty, rowCount));
    assertSame(empty, Bitmaps.difference(some, all, rowCount));
    assertSame(empty, Bitmaps.difference(empty, some, rowCount));
    assertEquals(rowCount - 3, Bitmaps.difference(all, some, rowCount).getCardinality());

    assertSame(empty, Bitmaps.complement(all, rowCount));
    assertEquals(rowCount, Bitmaps.complement(empty, rowCount).getCardinality());
    assertTrue(Bitmaps.isAllRows(all, rowCount));
    assertSame(empty, Bitmaps.allRows(0));
  }

  @Test
  void theSharedEmptyBitmapCannotBeChanged() {
    final ImmutableRoaringBitmap empty = Bitmaps.empty();
    assertTrue(empty.isEmpty());
    assertEquals(false, empty instanceof MutableRoaringBitmap);
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("bitmap holds row=2000, outside [0, rowCount=1000)",
        assertThrows(IllegalArgumentException.class,
            () -> Bitmaps.complement(mapped(bits(2000)), 1000)).getMessage());
    assertEquals("count=3 is outside [0, bitmaps length=2]",
        assertThrows(IllegalArgumentException.class,
            () -> Bitmaps.union(new ImmutableRoaringBitmap[2], 3, 10)).getMessage());
    assertEquals("rowCount=-1 is negative",
        assertThrows(IllegalArgumentException.class, () -> Bitmaps.allRows(-1)).getMessage());
  }

  static BitSet bits(int... rows) {
    final BitSet bits = new BitSet();
    for (int row : rows) {
      bits.set(row);
    }
    return bits;
  }

  /** The bitmap of {@code bits}, written in the portable format and mapped from a heap segment. */
  static ImmutableRoaringBitmap mapped(BitSet bits) {
    final int[] rows = bits.stream().toArray();
    final GrowableBytes out = new GrowableBytes();
    BitmapRegion.writeRows(rows, rows.length, out);
    return BitmapRegion.mapBitmap(out.asSegment());
  }
}
