package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/**
 * Committed corrupt segment files under {@code src/test/resources/fixtures/}, each with the exact
 * error it must produce in {@code <name>.expected} ({@code {file}} stands for its path). Files
 * written by older builds must stay refused the same way, so the committed bytes are checked as
 * they are; the generator is re-run to check it still corrupts the same region the same way.
 *
 * <p>Regenerate (after a format version change) with {@code -Dnemeton.regenerateFixtures=true},
 * run from the {@code segment-io} directory (surefire's default working directory).
 */
@ExtendWith(LeakCheckExtension.class)
class CorruptFixturesTest {
  private static final String[] FIXTURES = {"region-checksum", "truncated", "header-checksum"};

  @TempDir
  Path directory;

  @Test
  void committedFixturesAreRefusedWithTheirRecordedMessage() throws Exception {
    if (Boolean.getBoolean("nemeton.regenerateFixtures")) {
      regenerate(Path.of("src/test/resources/fixtures"));
    }
    for (String name : FIXTURES) {
      Path fixture = resource(name + SegmentFileLayout.FILE_EXTENSION);
      String expected = Files.readString(resource(name + ".expected"), StandardCharsets.UTF_8).strip();
      assertEquals(expected.replace("{file}", fixture.toString()), refusal(fixture), name);
    }
  }

  @Test
  void generatorStillCorruptsTheSameRegionTheSameWay() throws Exception {
    regenerate(directory);
    for (String name : FIXTURES) {
      String committed = Files.readString(resource(name + ".expected"), StandardCharsets.UTF_8).strip();
      String fresh = Files.readString(directory.resolve(name + ".expected"), StandardCharsets.UTF_8).strip();
      assertEquals(shape(committed), shape(fresh), name);
    }
  }

  /** The message up to the first number: file placeholder, region and the kind of failure. */
  private static String shape(String message) {
    int digit = 0;
    while (digit < message.length() && !Character.isDigit(message.charAt(digit))) {
      digit++;
    }
    return message.substring(0, digit);
  }

  private void regenerate(Path target) throws IOException {
    Files.createDirectories(target);
    Path valid = directory.resolve("valid.nseg");
    new SegmentWriter().write(smallSegment(), valid);
    byte[] bytes = Files.readAllBytes(valid);
    int idsRegion = regionIndex(valid, "column:page/ids");
    byte[] regionFlip = bytes.clone();
    regionFlip[SegmentBytes.regionOffset(bytes, idsRegion) + SegmentBytes.regionLength(bytes, idsRegion) / 2] ^= 0x04;
    write(target, "region-checksum", regionFlip);
    write(target, "truncated", Arrays.copyOf(bytes, bytes.length / 2));
    byte[] headerFlip = bytes.clone();
    headerFlip[SegmentFileLayout.ROW_COUNT_OFFSET] ^= 0x01;
    write(target, "header-checksum", headerFlip);
  }

  private void write(Path target, String name, byte[] bytes) throws IOException {
    Path file = target.resolve(name + SegmentFileLayout.FILE_EXTENSION);
    Files.write(file, bytes);
    String message = refusal(file).replace(file.toString(), "{file}");
    Files.writeString(target.resolve(name + ".expected"), message + "\n", StandardCharsets.UTF_8);
  }

  private static String refusal(Path file) {
    SegmentCorruptException error = assertThrows(SegmentCorruptException.class, () -> {
      try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
        SegmentTouch.readEverything(segment);
      }
    });
    assertTrue(error.getMessage().startsWith("file=" + file + " region="), error.getMessage());
    return error.getMessage();
  }

  private static int regionIndex(Path file, String name) throws IOException {
    try (Segment segment = Segment.open(file)) {
      for (int i = 0; i < segment.toc().regionCount(); i++) {
        if (segment.toc().regionName(segment.toc().region(i)).equals(name)) {
          return i;
        }
      }
    }
    throw new AssertionError("no region " + name);
  }

  /** Five rows with one column of each kind: a file of a few hundred bytes. */
  static ColumnarSegment smallSegment() {
    long start = RandomSegments.START_MS;
    SegmentInfo info = new SegmentInfo("fixture", start, start + RandomSegments.DAY_MS, "2024-01-01T00:00:00.000Z", 0,
        Map.of("rollup", false));
    return new ColumnarSegment(info, 5)
        .time(new long[] {start, start + 1, start + 1, start + 60_000, start + 3_600_000})
        .stringColumn("page", ColumnRole.DIMENSION, new String[] {null, "Main_Page", "Zürich"}, new int[] {1, 2, 0, 1, 2})
        .multiValueStringColumn("tags", ColumnRole.DIMENSION, new String[] {null, "a", "b"},
            new int[] {0, 2, 3, 3, 4, 5}, new int[] {1, 2, 0, 2, 1})
        .longColumn("added", ColumnRole.METRIC, new long[] {5, 0, 7, -3, 12}, RoaringBitmap.bitmapOf(1))
        .doubleColumn("price", ColumnRole.METRIC, new double[] {1.5, 2.5, -0.0, 1e9, 3}, null)
        .complexColumn("sketch", ColumnRole.METRIC, "HLLSketch", new byte[][] {{1}, {2, 3}, {}, {4}, {5, 6, 7}});
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = CorruptFixturesTest.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new AssertionError("missing fixture " + name + "; generate with -Dnemeton.regenerateFixtures=true");
    }
    return Path.of(url.toURI());
  }
}
