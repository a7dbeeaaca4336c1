package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.fail;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files: bytes of the header, the table of contents or one region are changed and every
 * checksum is then recomputed, so only the structural checks stand between the edit and the
 * reader. Opening and reading everything must either work or throw {@link SegmentCorruptException};
 * any other exception (or a hang) fails.
 *
 * <p>{@code bitmaps} regions are edited too: their layout's own checks (the bitmap index module's
 * hostile-input tests go deeper) must turn every edit into a refusal or a readable index.
 */
@ExtendWith(LeakCheckExtension.class)
class SegmentFuzzTest {
  private static final int ROUNDS = Integer.getInteger("nemeton.fuzzRounds", 400);

  @TempDir
  Path directory;

  @Test
  void resealedEditsNeverEscapeAsOtherErrors() throws IOException {
    long seed = Long.getLong("nemeton.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    Path source = directory.resolve("valid.nseg");
    new SegmentWriter().write(RandomSegments.generate(new SplittableRandom(seed), 1500 + random.nextInt(1000), false),
        source);
    byte[] valid = Files.readAllBytes(source);
    Path file = directory.resolve("fuzzed.nseg");
    int regionCount = SegmentBytes.regionCount(valid);
    List<String> names = new ArrayList<>();
    try (Segment segment = Segment.open(source)) {
      for (int i = 0; i < regionCount; i++) {
        names.add(segment.toc().regionName(segment.toc().region(i)));
      }
    }
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes = valid.clone();
      int target = random.nextInt(regionCount + 2);
      int start;
      int length;
      if (target == regionCount) {
        start = SegmentFileLayout.ROW_COUNT_OFFSET; // header fields after magic, version and checksum
        length = SegmentFileLayout.HEADER_SIZE_BYTES - start;
      } else if (target == regionCount + 1) {
        start = SegmentBytes.tocOffset(valid);
        length = SegmentBytes.tocLength(valid);
      } else {
        start = SegmentBytes.regionOffset(valid, target);
        length = SegmentBytes.regionLength(valid, target);
      }
      if (length == 0) {
        continue;
      }
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = start + random.nextInt(length);
        bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (bytes[at] ^ (1 << random.nextInt(8)));
      }
      SegmentBytes.reseal(bytes);
      Files.write(file, bytes);
      try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
        SegmentTouch.readEverything(segment);
      } catch (SegmentCorruptException expected) {
        // refused: fine
      } catch (RuntimeException | Error e) {
        AssertionError failure = new AssertionError("seed=" + seed + " round=" + round + " target=" + target
            + " escaped as " + e, e);
        fail(failure);
      }
    }
  }
}
