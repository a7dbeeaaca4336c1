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

/**
 * Hostile NBI2 and NBI3 regions (the fuzzer of the compact layouts): each must be refused with a
 * {@link BitmapFormatException} by {@code wrap}, {@code bitmap} or {@code verify}; whatever passes
 * all three must survive every operation ({@link BitmapIndexHostileTest#survive}).
 */
@ExtendWith(LeakCheckExtension.class)
class CompactIndexHostileTest {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  @Test
  void exactMessagesForBrokenHeaders() {
    final byte[] valid = smallIndex(new SplittableRandom(3), 70);
    final MemorySegment view = MemorySegment.ofArray(valid);
    final int count = view.get(INT, 4);
    final int roaringCount = view.get(INT, 12);
    assertEquals(70, count);

    final byte[] tiny = Arrays.copyOf(valid, 20);
    assertRefused("bitmap index: region size=20 bytes is below the minimum=36", tiny);
    assertRefused("bitmap index: count=-1 rowLimit=" + view.get(INT, 8) + ": both must be >= 0", withInt(valid, 4, -1));
    assertRefused("bitmap index: roaringCount=71 is outside [0, count=70]", withInt(valid, 12, 71));
    assertRefused("bitmap index: compactBits=-5 is outside [0, 8 * region size=" + valid.length + "]",
        withLong(valid, 16, -5));
    final int hugeCount = 100_000_000;
    final long need = 24 + 24L * ((hugeCount + 63) / 64) + 4L * (roaringCount + 1) + 8 * ((view.get(LONG, 16) + 63) / 64 + 1);
    assertRefused("bitmap index: count=" + hugeCount + " roaringCount=" + roaringCount + " compactBits="
        + view.get(LONG, 16) + " need " + need + " bytes before the Roaring data but region size=" + valid.length,
        withInt(valid, 4, hugeCount));
    assertRefused("bitmap index: group=1 roaringBefore=" + (view.get(INT, 24 + 24 + 16) + 1) + " expected="
        + view.get(INT, 24 + 24 + 16), withInt(valid, 24 + 24 + 16, view.get(INT, 24 + 24 + 16) + 1));
    assertRefused("bitmap index: group=0 bitOffset=9 is outside [0, 0]", withLong(valid, 24 + 8, 9));
    final long lastMask = view.get(LONG, 24 + 24);
    assertRefused("bitmap index: group=1 roaringMask=0x" + Long.toHexString(lastMask | 1L << 40)
        + " marks ids at or past count=70", withLong(valid, 24 + 24, lastMask | 1L << 40));
    int free = 0;
    while ((lastMask >>> free & 1) != 0) {
      free++;
    }
    if (free < 6) {
      assertRefused("bitmap index: group masks mark " + (roaringCount + 1) + " Roaring ids but roaringCount=" + roaringCount,
          withLong(valid, 24 + 24, lastMask | 1L << free));
    }
    final long offsetsAt = 24 + 24 * 2;
    assertRefused("bitmap index: roaringOffsets[0]=3 expected=0", withInt(valid, (int) offsetsAt, 3));
  }

  @Test
  void exactMessagesForBrokenLists() {
    // one id, rowLimit 100, list of n=2 rows: gamma(3) = 0 1 1 (3 bits), L = floor(log2 50) = 5,
    // lows 2 * 5 bits, highs 2 + (99 >> 5) + 1 = 6 bits: 19 bits in all
    final int[] rows = {7, 40};
    final byte[] good = handMade(rows, 100);
    BitmapIndex.wrap(MemorySegment.ofArray(good)).verify();
    assertEquals(2, BitmapIndex.wrap(MemorySegment.ofArray(good)).bitmap(0).getCardinality());

    // compactBits cut to 18: the list runs past its group's end
    final BitmapIndex shortGroup = BitmapIndex.wrap(MemorySegment.ofArray(withLong(good, 16, 18)));
    assertEquals("bitmap index id=0: list of n=2 rows at bit=0 ends at bit=19 past its group's end bit=18",
        assertThrows(BitmapFormatException.class, () -> shortGroup.bitmap(0)).getMessage());

    // compactBits 25: the list fits but leaves 6 bits of the group unused
    final BitmapIndex loose = BitmapIndex.wrap(MemorySegment.ofArray(withLong(good, 16, 25)));
    loose.bitmap(0);
    assertEquals("bitmap index: group=0 lists end at bit=19 but the group ends at bit=25",
        assertThrows(BitmapFormatException.class, loose::verify).getMessage());

    // rows 7, 20 share the high part 0; swapping their low parts makes them descend
    final byte[] swapped = handMade(new int[] {7, 20}, 100);
    final int listStart = 24 + 24 + 4;
    final long stream = MemorySegment.ofArray(swapped).get(LONG, listStart);
    final long lows = (7L | 20L << 5) << 3;
    final long swappedLows = (20L | 7L << 5) << 3;
    MemorySegment.ofArray(swapped).set(LONG, listStart, stream & ~lows | swappedLows);
    final BitmapIndex unsorted = BitmapIndex.wrap(MemorySegment.ofArray(swapped));
    assertEquals("bitmap index id=0: list row[1]=7 is not above 20 or not below rowLimit=100",
        assertThrows(BitmapFormatException.class, () -> unsorted.bitmap(0)).getMessage());

    // a zero word where the count should be: too many leading zeros
    final byte[] zeros = handMade(rows, 100);
    MemorySegment.ofArray(zeros).set(LONG, listStart, 0L);
    assertEquals("bitmap index id=0: row count code at bit=0 has 56 leading zeros, above the maximum=10",
        assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(zeros)).bitmap(0))
            .getMessage());
    // NBI3 allows longer lists: up to 2^26 rows, so gamma codes of up to 26 leading zeros
    final byte[] zerosV3 = withInt(zeros, 0, CompactIndexLayout.MAGIC_V3);
    assertEquals("bitmap index id=0: row count code at bit=0 has 56 leading zeros, above the maximum=26",
        assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(zerosV3)).bitmap(0))
            .getMessage());
  }

  @Test
  void nbi3ListsPassTheSameChecksOnEveryPath() {
    final byte[] good = withInt(handMade(new int[] {7, 40}, 100), 0, CompactIndexLayout.MAGIC_V3);
    final BitmapIndex index = BitmapIndex.wrap(MemorySegment.ofArray(good));
    index.verify();
    assertEquals(BitmapIndexFormat.LIST_POSTINGS, index.format());
    assertEquals(2, index.union(new int[] {0}, 1, 100).getCardinality());
    // a list counting more rows than the row limit, in each read path
    final byte[] tooMany = withInt(good, 8, 1);
    final BitmapIndex small = BitmapIndex.wrap(MemorySegment.ofArray(tooMany));
    final String message = "bitmap index id=0: list of n=2 rows is above the maximum=1 (rowLimit=1)";
    assertEquals(message, assertThrows(BitmapFormatException.class, () -> small.bitmap(0)).getMessage());
    assertEquals(message, assertThrows(BitmapFormatException.class, () -> small.union(new int[] {0}, 1, 1)).getMessage());
    assertEquals(message, assertThrows(BitmapFormatException.class, small::verify).getMessage());
    // rows 7, 20 with their low parts swapped: the word-bitmap decode refuses them as the row decode does
    final byte[] swapped = withInt(handMade(new int[] {7, 20}, 100), 0, CompactIndexLayout.MAGIC_V3);
    final int listStart = 24 + 24 + 4;
    final long stream = MemorySegment.ofArray(swapped).get(LONG, listStart);
    MemorySegment.ofArray(swapped).set(LONG, listStart, stream & ~((7L | 20L << 5) << 3) | (20L | 7L << 5) << 3);
    final BitmapIndex unsorted = BitmapIndex.wrap(MemorySegment.ofArray(swapped));
    assertEquals("bitmap index id=0: list row[1]=7 is not above 20 or not below rowLimit=100",
        assertThrows(BitmapFormatException.class, () -> unsorted.union(new int[] {0}, 1, 100)).getMessage());
  }

  @Test
  void everyTruncationIsRefusedByWrap() {
    final byte[] valid = smallIndex(new SplittableRandom(11), 130);
    for (int length = 0; length < valid.length; length++) {
      final byte[] truncated = Arrays.copyOf(valid, length);
      assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(truncated)), "length=" + length);
    }
  }

  @Test
  void randomBytesBehindAPlausibleHeaderNeverEscapeAsAnotherException() {
    Seeds.trials(1500, random -> {
      final byte[] bytes = new byte[36 + random.nextInt(300)];
      random.nextBytes(bytes);
      final MemorySegment segment = MemorySegment.ofArray(bytes);
      segment.set(INT, 0, random.nextBoolean() ? CompactIndexLayout.MAGIC : CompactIndexLayout.MAGIC_V3);
      final int count = random.nextInt(130);
      segment.set(INT, 4, count);
      segment.set(INT, 8, random.nextInt(1 << random.nextInt(31)));
      segment.set(INT, 12, random.nextInt(Math.min(count, 3) + 1));
      segment.set(LONG, 16, random.nextInt(8 * bytes.length));
      BitmapIndexHostileTest.survive(bytes);
    });
  }

  @Test
  void corruptedValidIndexesNeverEscapeAsAnotherException() {
    Seeds.trials(800, random -> {
      final byte[] bytes = smallIndex(random, 1 + random.nextInt(150));
      final MemorySegment view = MemorySegment.ofArray(bytes);
      final int count = view.get(INT, 4);
      // where the list stream lies, read before any damage can change the header
      final long listStart = CompactIndexLayout.listStart(count, view.get(INT, 12));
      final long streamBytes = CompactIndexLayout.listBytes(view.get(LONG, 16));
      final int damage = 1 + random.nextInt(4);
      for (int d = 0; d < damage; d++) {
        switch (random.nextInt(4)) {
          case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
          case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
          case 2 -> { // a group's bit offset nudged
            final int group = random.nextInt((count + 63) / 64 + 1);
            final long at = 24 + 24L * group + 8;
            if (at + 8 <= bytes.length) {
              view.set(LONG, at, view.get(LONG, at) + random.nextInt(-9, 10));
            }
          }
          default -> { // a bit flipped in the list stream
            if (streamBytes > 8) {
              bytes[(int) (listStart + random.nextLong(streamBytes - 8))] ^= (byte) (1 << random.nextInt(8));
            }
          }
        }
      }
      BitmapIndexHostileTest.survive(bytes);
    });
  }

  /**
   * A valid NBI2 or NBI3 index (random) of {@code cardinality} ids: rare ids (lists), a few common
   * ones (lists too in NBI3 when small enough), some empty.
   */
  static byte[] smallIndex(SplittableRandom random, int cardinality) {
    final int rowCount = 1 + random.nextInt(random.nextBoolean() ? 500 : 70_000);
    final int[] ids = new int[rowCount];
    final int common = Math.max(1, cardinality / 20);
    for (int row = 0; row < rowCount; row++) {
      ids[row] = random.nextInt(3) == 0 ? random.nextInt(cardinality) : random.nextInt(common);
    }
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality,
        random.nextBoolean() ? BitmapIndexFormat.COMPACT_POSTINGS : BitmapIndexFormat.LIST_POSTINGS, out);
    return out.toByteArray();
  }

  /** A one-id index whose id holds {@code rows} as a list, written by hand from the layout. */
  private static byte[] handMade(int[] rows, int rowLimit) {
    final GrowableBytes out = new GrowableBytes();
    out.writeInt(CompactIndexLayout.MAGIC);
    out.writeInt(1);
    out.writeInt(rowLimit);
    out.writeInt(0);
    final int n = rows.length;
    final int low = 31 - Integer.numberOfLeadingZeros(rowLimit / n);
    final int gammaBits = 2 * (31 - Integer.numberOfLeadingZeros(n + 1)) + 1;
    final int highBits = n + ((rowLimit - 1) >>> low) + 1;
    final long bits = gammaBits + (long) n * low + highBits;
    out.writeLong(bits);
    out.writeLong(0L); // mask: the id is a list
    out.writeLong(0L); // its group starts at bit 0
    out.writeInt(0);
    out.writeInt(0);
    out.writeInt(0); // roaringOffsets[0]
    long word = 0;
    final int k = 31 - Integer.numberOfLeadingZeros(n + 1);
    word |= 1L << k; // k zeros then a one
    word |= (long) ((n + 1) & ((1 << k) - 1)) << (k + 1);
    int position = gammaBits;
    for (int row : rows) {
      word |= (long) (row & ((1 << low) - 1)) << position;
      position += low;
    }
    for (int i = 0; i < n; i++) {
      word |= 1L << (position + (rows[i] >>> low) + i);
    }
    out.writeLong(word);
    out.writeLong(0L); // slack word
    return out.toByteArray();
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

  private static byte[] withLong(byte[] bytes, int at, long value) {
    final byte[] copy = bytes.clone();
    MemorySegment.ofArray(copy).set(LONG, at, value);
    return copy;
  }
}
