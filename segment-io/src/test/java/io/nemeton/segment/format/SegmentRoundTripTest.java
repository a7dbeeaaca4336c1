package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnarSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: random segments of every column type and shape are written, opened and read back
 * value by value, with statistics, lookups and bitmaps checked against a naive computation.
 */
@ExtendWith(LeakCheckExtension.class)
class SegmentRoundTripTest {
  /** Sizes around block boundaries, plus the empty and one-row segments. */
  private static final int[] SIZES = {0, 1, 2, 1023, 1024, 1025, 2048, 5000};

  @TempDir
  Path directory;

  @Test
  void fixedSizesRoundTrip() throws Exception {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    for (int size : SIZES) {
      roundTrip(seed + size, size);
    }
  }

  @Test
  void randomSizesRoundTrip() throws Exception {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    SplittableRandom sizes = new SplittableRandom(seed);
    for (int i = 0; i < 12; i++) {
      roundTrip(seed + 1000 + i, sizes.nextInt(3500));
    }
  }

  @Test
  void regressionSeeds() throws Exception {
    roundTrip(42, 3000);
    roundTrip(7, 1);
  }

  @Test
  void olderVersionFilesStayReadable() throws Exception {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    for (int version = 1; version < SegmentFileLayout.FORMAT_VERSION; version++) {
      for (int rows : new int[] {0, 1, 3000}) {
        SplittableRandom random = new SplittableRandom(seed + rows);
        ColumnarSegment input = RandomSegments.generate(random, rows);
        Path file = directory.resolve("version" + version + "-" + rows + SegmentFileLayout.FILE_EXTENSION);
        new SegmentWriter(version).write(input, file);
        try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
          assertEquals(version, segment.formatVersion(), "seed=" + seed);
          SegmentOracle.check(input, segment, random);
          for (String name : segment.columnNames()) {
            if (segment.column(name) instanceof StringColumnReader strings) {
              assertEquals(SegmentFileLayout.bitmapFormat(version), strings.bitmapIndex().format(), "seed=" + seed);
            }
          }
        }
      }
    }
  }

  private void roundTrip(long seed, int rows) throws Exception {
    try {
      SplittableRandom random = new SplittableRandom(seed);
      ColumnarSegment input = RandomSegments.generate(random, rows);
      Path file = directory.resolve("segment-" + seed + SegmentFileLayout.FILE_EXTENSION);
      long size = new SegmentWriter().write(input, file);
      assertEquals(Files.size(file), size);
      RegionVerification verification = random.nextBoolean() ? RegionVerification.AT_OPEN
          : RegionVerification.ON_FIRST_USE;
      try (Segment segment = Segment.open(file, verification)) {
        assertEquals(size, segment.sizeBytes());
        assertEquals(SegmentFileLayout.FORMAT_VERSION, segment.formatVersion());
        SegmentOracle.check(input, segment, random);
        segment.verifyAll();
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("round trip failed for seed=" + seed + " rows=" + rows
          + " (rerun with -Dnemeton.seed)", e);
    }
  }
}
