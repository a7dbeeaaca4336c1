package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

@ExtendWith(LeakCheckExtension.class)
class BitmapRegionTest {

  @Test
  void writeThenMapGivesTheSameRows() {
    Seeds.trials(40, random -> {
      final int rowCount = TestColumns.logUniform(random, 0, 300_000);
      final BitSet expected = TestColumns.randomBitSet(random, rowCount);
      final RoaringBitmap bitmap = RoaringBitmap.bitmapOf(expected.stream().toArray());
      final RoaringBitmap untouched = bitmap.clone();

      final GrowableBytes fromBitmap = new GrowableBytes();
      final int written = BitmapRegion.writeBitmap(bitmap, fromBitmap);
      assertEquals(fromBitmap.size(), written);
      assertEquals(untouched, bitmap, "the caller's bitmap is left as it was");

      final int[] rows = expected.stream().toArray();
      final GrowableBytes fromRows = new GrowableBytes();
      BitmapRegion.writeRows(rows, rows.length, fromRows);
      assertArrayEquals(fromBitmap.toByteArray(), fromRows.toByteArray(), "both writers give the same bytes");

      BitmapRegion.verifyBitmap(fromBitmap.asSegment());
      final ImmutableRoaringBitmap mapped = BitmapRegion.mapBitmap(fromBitmap.asSegment());
      assertEquals(expected, TestColumns.toBitSet(mapped));
    });
  }

  @Test
  void emptyBitmapsRoundTrip() {
    final GrowableBytes out = new GrowableBytes();
    assertEquals(8, BitmapRegion.writeRows(new int[0], 0, out));
    assertTrue(BitmapRegion.mapBitmap(out.asSegment()).isEmpty());
    assertTrue(BitmapRegion.mapBitmap(MemorySegment.ofArray(new byte[0])).isEmpty());
    final GrowableBytes library = new GrowableBytes();
    BitmapRegion.writeBitmap(new RoaringBitmap(), library);
    assertArrayEquals(library.toByteArray(), out.toByteArray());
  }

  @Test
  void hostileRegionsAreRefusedWithTheirReason() {
    final GrowableBytes out = new GrowableBytes();
    BitmapRegion.writeRows(new int[] {1, 2, 3, 100_000}, 4, out);
    final byte[] valid = out.toByteArray();
    for (int length = 1; length < valid.length; length++) {
      final MemorySegment truncated = MemorySegment.ofArray(java.util.Arrays.copyOf(valid, length));
      assertThrows(BitmapFormatException.class, () -> BitmapRegion.mapBitmap(truncated), "length=" + length);
    }
    final byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 2);
    assertEquals("bitmap region: containers end at " + valid.length + " but length=" + longer.length,
        assertThrows(BitmapFormatException.class, () -> BitmapRegion.mapBitmap(MemorySegment.ofArray(longer))).getMessage());
    assertEquals("bitmap region: length=3 bytes is below the minimum=8",
        assertThrows(BitmapFormatException.class, () -> BitmapRegion.mapBitmap(MemorySegment.ofArray(new byte[3]))).getMessage());
  }

  @Test
  void rowsMustBeNonNegativeAndAscending() {
    assertEquals("rows[0]=-4 is negative", assertThrows(IllegalArgumentException.class,
        () -> BitmapRegion.writeRows(new int[] {-4, 2}, 2, new GrowableBytes())).getMessage());
    assertEquals("values must ascend: value[1]=2 is below value[0]=9", assertThrows(IllegalArgumentException.class,
        () -> BitmapRegion.writeRows(new int[] {9, 2}, 2, new GrowableBytes())).getMessage());
    assertEquals("count=3 is outside [0, rows length=2]", assertThrows(IllegalArgumentException.class,
        () -> BitmapRegion.writeRows(new int[] {1, 2}, 3, new GrowableBytes())).getMessage());
  }
}
