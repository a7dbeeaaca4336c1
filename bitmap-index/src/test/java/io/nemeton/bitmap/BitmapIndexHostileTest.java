package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Hostile regions in the Roaring-only layout (NBI1; {@link CompactIndexHostileTest} covers NBI2): each must be refused with a {@link BitmapFormatException} by {@code wrap},
 * {@code bitmap} or {@code verify}; whatever passes all three must then survive every operation.
 * Any other exception type fails the test.
 */
@ExtendWith(LeakCheckExtension.class)
class BitmapIndexHostileTest {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  @Test
  void exactMessagesForBrokenHeaders() {
    assertRefused("bitmap index: region size=11 bytes is below the minimum=12", new byte[11]);
    final byte[] valid = smallIndex(new SplittableRandom(1));

    final byte[] badMagic = valid.clone();
    badMagic[0] = 'X';
    assertRefused("bitmap index: magic expected=0x3149424E, 0x3249424E, 0x3349424E or 0x3449424E actual=0x31494258", badMagic);

    final byte[] negativeCount = withInt(valid, 4, -3);
    assertRefused("bitmap index: count=-3 is negative", negativeCount);

    final byte[] hugeCount = withInt(valid, 4, 1_000_000);
    assertRefused("bitmap index: count=1000000 needs a header of 4000012 bytes but region size=" + valid.length, hugeCount);

    final byte[] firstOffset = withInt(valid, 8, 4);
    assertRefused("bitmap index: offsets[0]=4 expected=0", firstOffset);

    final int count = MemorySegment.ofArray(valid).get(INT, 4);
    final int dataBytes = valid.length - 12 - 4 * count;
    final byte[] pastEnd = withInt(valid, 12, dataBytes + 1);
    assertRefused("bitmap index: offsets[1]=" + (dataBytes + 1) + " is past the data end=" + dataBytes
        + " (region size=" + valid.length + ")", pastEnd);

    final byte[] decreasing = withInt(valid, 16, -1);
    assertRefused("bitmap index: offsets[2]=-1 is below offsets[1]=" + MemorySegment.ofArray(valid).get(INT, 12), decreasing);

    // the first offset past the shortened data is the end of the last non-empty bitmap
    final byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
    int firstPast = 1;
    while (MemorySegment.ofArray(valid).get(INT, 8 + 4 * firstPast) < dataBytes) {
      firstPast++;
    }
    assertRefused("bitmap index: offsets[" + firstPast + "]=" + dataBytes + " is past the data end=" + (dataBytes - 1)
        + " (region size=" + (valid.length - 1) + ")", truncated);
  }

  @Test
  void exactMessagesForBrokenBitmaps() {
    // one id whose bitmap is 8 bytes of a wrong cookie
    final byte[] region = region(new byte[] {1, 2, 3, 4, 0, 0, 0, 0});
    final BitmapIndex index = BitmapIndex.wrap(MemorySegment.ofArray(region));
    final BitmapFormatException cookie = assertThrows(BitmapFormatException.class, () -> index.bitmap(0));
    assertEquals("bitmap index id=0: cookie=67305985 is neither 12346 nor 12347 in its low 16 bits", cookie.getMessage());

    // no-runs cookie, 2 containers claimed in 8 bytes
    final BitmapIndex twoContainers = BitmapIndex.wrap(MemorySegment.ofArray(region(new byte[] {0x3A, 0x30, 0, 0, 2, 0, 0, 0})));
    assertEquals("bitmap index id=0: header of 2 containers needs 24 bytes but length=8",
        assertThrows(BitmapFormatException.class, () -> twoContainers.bitmap(0)).getMessage());

    // an array container of values {5, 3}: structure is fine, contents are not
    final byte[] unsorted = {0x3A, 0x30, 0, 0, 1, 0, 0, 0, /* key */ 0, 0, /* card-1 */ 1, 0, /* offset */ 16, 0, 0, 0, 5, 0, 3, 0};
    final BitmapIndex unsortedIndex = BitmapIndex.wrap(MemorySegment.ofArray(region(unsorted)));
    unsortedIndex.bitmap(0);
    assertEquals("bitmap index id=0: array container 0 value[1]=3 is not above 5",
        assertThrows(BitmapFormatException.class, unsortedIndex::verify).getMessage());

    assertEquals("bitmap index: dictionary id=1 is outside [0, cardinality=1)",
        assertThrows(IllegalArgumentException.class, () -> unsortedIndex.bitmap(1)).getMessage());
  }

  @Test
  void everyTruncationIsRefusedByWrap() {
    final byte[] valid = smallIndex(new SplittableRandom(7));
    for (int length = 0; length < valid.length; length++) {
      final byte[] truncated = Arrays.copyOf(valid, length);
      assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(truncated)), "length=" + length);
    }
  }

  @Test
  void randomBytesNeverEscapeAsAnotherException() {
    Seeds.trials(3000, random -> {
      final byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      if (bytes.length >= 8 && random.nextBoolean()) {
        // a plausible header, so the offset checks and the bitmap checks get exercised too
        final MemorySegment segment = MemorySegment.ofArray(bytes);
        segment.set(INT, 0, BitmapIndexLayout.MAGIC);
        segment.set(INT, 4, random.nextInt(4));
      }
      survive(bytes);
    });
  }

  @Test
  void corruptedValidIndexesNeverEscapeAsAnotherException() {
    Seeds.trials(1500, random -> {
      final byte[] bytes = smallIndex(random);
      final int count = MemorySegment.ofArray(bytes).get(INT, 4);
      final int damage = 1 + random.nextInt(4);
      for (int d = 0; d < damage; d++) {
        switch (random.nextInt(3)) {
          case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
          case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
          default -> { // an offset entry set to something near a real one
            if (count > 0) {
              final int entry = 12 + 4 * random.nextInt(count + 1);
              final int old = MemorySegment.ofArray(bytes).get(INT, entry);
              MemorySegment.ofArray(bytes).set(INT, entry, old + random.nextInt(-9, 10));
            }
          }
        }
      }
      survive(bytes);
    });
  }

  /** wrap, bitmap, verify: each passes or throws BitmapFormatException; then every operation works. */
  static void survive(byte[] bytes) {
    survive(bytes, null);
  }

  /** {@link #survive(byte[])} for an index opened with the column's ids (NBI4's refined kinds). */
  static void survive(byte[] bytes, RowIdMatcher matcher) {
    final BitmapIndex index;
    try {
      index = BitmapIndex.wrap(MemorySegment.ofArray(bytes), matcher);
    } catch (BitmapFormatException refused) {
      return;
    }
    final ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[index.cardinality()];
    try {
      for (int id = 0; id < bitmaps.length; id++) {
        bitmaps[id] = index.bitmap(id);
      }
      index.verify();
    } catch (BitmapFormatException refused) {
      return;
    }
    int rowCount = 0;
    final int[] batch = new int[7];
    for (ImmutableRoaringBitmap bitmap : bitmaps) {
      long seen = 0;
      final BatchIterator rows = bitmap.getBatchIterator();
      while (rows.hasNext()) {
        seen += rows.nextBatch(batch);
      }
      assertEquals(bitmap.getLongCardinality(), seen);
      if (!bitmap.isEmpty() && bitmap.last() >= 0) {
        rowCount = Math.max(rowCount, bitmap.last() + 1);
        bitmap.contains(bitmap.first());
      }
    }
    final ImmutableRoaringBitmap union = Bitmaps.union(bitmaps, bitmaps.length, Integer.MAX_VALUE);
    union.getCardinality();
    if (union.isEmpty() || union.last() >= 0) { // the index's own union of every id gives the same rows
      final int[] all = new int[bitmaps.length];
      for (int id = 0; id < all.length; id++) {
        all[id] = id;
      }
      assertEquals(union, index.union(all, all.length, rowCount));
    }
    if (union.isEmpty() || union.last() >= 0) {
      for (ImmutableRoaringBitmap bitmap : bitmaps) {
        Bitmaps.complement(bitmap, rowCount).getCardinality();
        Bitmaps.intersection(new ImmutableRoaringBitmap[] {bitmap, union}, 2, rowCount).getCardinality();
      }
    }
  }

  private static void assertRefused(String message, byte[] bytes) {
    final BitmapFormatException refused =
        assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(bytes)));
    assertEquals(message, refused.getMessage());
  }

  private static byte[] withInt(byte[] bytes, int at, int value) {
    final byte[] copy = bytes.clone();
    MemorySegment.ofArray(copy).set(INT, at, value);
    return copy;
  }

  /** A one-id region holding {@code bitmap} as its only bitmap. */
  private static byte[] region(byte[] bitmap) {
    final GrowableBytes out = new GrowableBytes();
    out.writeInt(BitmapIndexLayout.MAGIC);
    out.writeInt(1);
    out.writeInt(0);
    out.writeInt(bitmap.length);
    out.write(bitmap);
    return out.toByteArray();
  }

  /** A small valid index mixing array, bitmap and run containers, and an empty id. */
  private static byte[] smallIndex(SplittableRandom random) {
    final int cardinality = 2 + random.nextInt(6);
    final int rowCount = 1 + random.nextInt(random.nextBoolean() ? 300 : 140_000);
    final int[] ids = TestColumns.singleValued(random, rowCount, cardinality - 1);
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, BitmapIndexFormat.ROARING_ONLY, out);
    return out.toByteArray();
  }
}
