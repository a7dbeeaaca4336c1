package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile NBI4 regions: exact messages for a bad chunk shift, a bad kind and a row limit past the
 * column; every truncation refused; random bytes behind a plausible NBI4 header and corrupted valid
 * regions (bit flips, bytes, flips in the list stream) either refused with {@link
 * BitmapFormatException} or safe under every operation, chunk lists and id scans refined through
 * the column's ids.
 */
class ChunkPostingsHostileTest {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  @Test
  void exactMessagesForBrokenHeadersAndKinds() {
    final int rowCount = 4096;
    final int[] ids = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      ids[row] = row % 512 == 3 ? 1 : 0; // id 0 an id scan, id 1 a chunk list
    }
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, 2, BitmapIndexFormat.CHUNK_POSTINGS, out);
    final byte[] valid = out.toByteArray();
    final ArrayIdMatcher matcher = new ArrayIdMatcher(ids, rowCount);
    assertEquals(PostingKind.ID_SCAN, BitmapIndex.wrap(MemorySegment.ofArray(valid), matcher).postingKind(0));
    assertRefused("bitmap index: region size=40 bytes is below the minimum=44", Arrays.copyOf(valid, 40), matcher);
    final byte[] shift = valid.clone();
    MemorySegment.ofArray(shift).set(INT, CompactIndexLayout.CHUNK_SHIFT_OFFSET, 17);
    assertRefused("bitmap index: chunkShift=17 is outside [0, 16]", shift, matcher);
    assertRefused("bitmap index: rowLimit=4096 is above the column's rowCount=4000", valid,
        new ArrayIdMatcher(ids, 4000));
    // the first stream entry (id 0's kind) made 3
    final MemorySegment view = MemorySegment.ofArray(valid.clone());
    final long listStart = CompactIndexLayout.listStart(CompactIndexLayout.HEADER_BYTES_V4, 2, view.get(INT, 12));
    view.set(ValueLayout.JAVA_BYTE, listStart, (byte) (view.get(ValueLayout.JAVA_BYTE, listStart) | 3));
    final BitmapIndex broken = BitmapIndex.wrap(view, matcher);
    final BitmapFormatException kind = assertThrows(BitmapFormatException.class, () -> broken.bitmap(0));
    assertEquals("bitmap index: id=0: kind=3 at bit=0 is not 0 (rows), 1 (chunks) or 2 (scan)", kind.getMessage());
    assertThrows(BitmapFormatException.class, broken::verify);
  }

  @Test
  void everyTruncationIsRefusedByWrap() {
    final Column column = column(new SplittableRandom(5), 90);
    for (int length = 0; length < column.bytes.length; length++) {
      final byte[] truncated = Arrays.copyOf(column.bytes, length);
      assertThrows(BitmapFormatException.class,
          () -> BitmapIndex.wrap(MemorySegment.ofArray(truncated), column.matcher), "length=" + length);
    }
  }

  @Test
  void randomBytesBehindAPlausibleHeaderNeverEscapeAsAnotherException() {
    final int[] ids = new int[70_000];
    final SplittableRandom fill = new SplittableRandom(1);
    for (int row = 0; row < ids.length; row++) {
      ids[row] = fill.nextInt(130);
    }
    Seeds.trials(1500, random -> {
      final byte[] bytes = new byte[44 + random.nextInt(300)];
      random.nextBytes(bytes);
      final MemorySegment segment = MemorySegment.ofArray(bytes);
      segment.set(INT, 0, CompactIndexLayout.MAGIC_V4);
      final int count = random.nextInt(130);
      segment.set(INT, 4, count);
      segment.set(INT, 8, random.nextInt(1 << random.nextInt(17)));
      segment.set(INT, 12, random.nextInt(Math.min(count, 3) + 1));
      segment.set(LONG, 16, random.nextInt(8 * bytes.length));
      segment.set(INT, 24, random.nextInt(18));
      BitmapIndexHostileTest.survive(bytes, new ArrayIdMatcher(ids, ids.length));
    });
  }

  @Test
  void corruptedValidIndexesNeverEscapeAsAnotherException() {
    Seeds.trials(800, random -> {
      final Column column = column(random, 1 + random.nextInt(150));
      final byte[] bytes = column.bytes;
      final MemorySegment view = MemorySegment.ofArray(bytes);
      final int count = view.get(INT, 4);
      final long listStart = CompactIndexLayout.listStart(CompactIndexLayout.HEADER_BYTES_V4, count, view.get(INT, 12));
      final long streamBytes = CompactIndexLayout.listBytes(view.get(LONG, 16));
      final int damage = 1 + random.nextInt(4);
      for (int d = 0; d < damage; d++) {
        switch (random.nextInt(3)) {
          case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
          case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
          default -> {
            if (streamBytes > 8) {
              bytes[(int) (listStart + random.nextLong(streamBytes - 8))] ^= (byte) (1 << random.nextInt(8));
            }
          }
        }
      }
      BitmapIndexHostileTest.survive(bytes, column.matcher);
    });
  }

  private record Column(byte[] bytes, ArrayIdMatcher matcher) {}

  /** A valid NBI4 index of a random single-value column: scans, chunk lists, row lists, Roaring. */
  private static Column column(SplittableRandom random, int cardinality) {
    final int rowCount = 1 + random.nextInt(random.nextBoolean() ? 500 : 70_000);
    final int[] ids = cardinality < 2 ? new int[rowCount] : ChunkPostingsPropertyTest.mixed(random, rowCount, cardinality);
    final GrowableBytes out = new GrowableBytes();
    BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, random.nextInt(9), out);
    return new Column(out.toByteArray(), new ArrayIdMatcher(ids, rowCount));
  }

  private static void assertRefused(String message, byte[] bytes, RowIdMatcher matcher) {
    final BitmapFormatException refused =
        assertThrows(BitmapFormatException.class, () -> BitmapIndex.wrap(MemorySegment.ofArray(bytes), matcher));
    assertEquals(message, refused.getMessage());
  }
}
