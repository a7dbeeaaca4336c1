package io.nemeton.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.MappedFile;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Bitmaps read from a real mapped file, at an odd offset inside it as a segment region would be,
 * and proof that they are views of the mapping rather than copies: once the file is closed,
 * reading a bitmap obtained earlier fails.
 */
@ExtendWith(LeakCheckExtension.class)
class MappedBitmapIndexTest {
  @TempDir Path directory;

  @Test
  void bitmapsAreReadStraightFromTheMapping() throws Exception {
    final SplittableRandom random = new SplittableRandom(42);
    final int rowCount = 150_000;
    final int cardinality = 3_000;
    final int[] ids = TestColumns.singleValued(random, rowCount, cardinality);
    final GrowableBytes region = new GrowableBytes();
    final int regionBytes = BitmapIndexWriter.writeSingleValued(ids, rowCount, cardinality, region);
    final GrowableBytes nullRows = new GrowableBytes();
    final int nullBytes = BitmapRegion.writeRows(new int[] {0, 7, 65_536, 140_000}, 4, nullRows);

    final Path file = directory.resolve("segment.bin");
    final int regionAt = 13;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[regionAt]);
      region.writeTo(out);
      nullRows.writeTo(out);
    }

    final ImmutableRoaringBitmap kept;
    final ImmutableRoaringBitmap keptNulls;
    try (MappedFile mapped = MappedFile.open(file)) {
      final MemorySegment segment = mapped.segment();
      final BitmapIndex index = BitmapIndex.wrap(segment.asSlice(regionAt, regionBytes));
      index.verify();
      BitmapIndexPropertyTest.assertMatches(index, null, ids, rowCount);
      kept = index.bitmap(ids[0]);
      keptNulls = BitmapRegion.mapBitmap(segment.asSlice(regionAt + regionBytes, nullBytes));
      assertEquals(4, keptNulls.getCardinality());
      assertEquals(true, kept.contains(0));
    }
    // the views read the closed mapping, which the arena refuses: nothing was copied to the heap
    assertThrows(IllegalStateException.class, () -> kept.contains(0));
    assertThrows(IllegalStateException.class, () -> keptNulls.contains(7));
  }
}
