package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/** The writer refuses invalid input with a message naming column, row and value, and leaves no file. */
@ExtendWith(LeakCheckExtension.class)
class SegmentWriterValidationTest {
  private static final long START = RandomSegments.START_MS;

  @TempDir
  Path directory;

  private static ColumnarSegment segment(long... times) {
    SegmentInfo info = new SegmentInfo("wiki", START, START + RandomSegments.DAY_MS, "v1", 0, Map.of());
    return new ColumnarSegment(info, times.length).time(times);
  }

  @Test
  void timesMustAscend() {
    ColumnarSegment input = segment(START + 5, START + 7, START + 6);
    assertRefused(input, "column=__time row=2: time=" + (START + 6)
        + " is before the previous row's time=" + (START + 7) + " (rows must be sorted by time)");
  }

  @Test
  void timesMustAscendAcrossBlocks() {
    long[] times = new long[1500];
    java.util.Arrays.fill(times, START + 10);
    times[1024] = START + 9;
    assertRefused(segment(times), "column=__time row=1024: time=" + (START + 9)
        + " is before the previous row's time=" + (START + 10) + " (rows must be sorted by time)");
  }

  @Test
  void timesMustLieInTheInterval() {
    long end = START + RandomSegments.DAY_MS;
    assertRefused(segment(START, end), "column=__time row=1: time=" + end + " outside the segment interval ["
        + START + ", " + end + ")");
  }

  @Test
  void timeColumnIsRequired() {
    SegmentInfo info = new SegmentInfo("wiki", START, START + 1, "v1", 0, Map.of());
    assertRefused(new ColumnarSegment(info, 2), "segment=" + info.segmentId()
        + " column=__time: length=0 does not match rowCount=2");
  }

  @Test
  void idsMustIndexTheDictionary() {
    ColumnarSegment input = segment(START, START).stringColumn("page", ColumnRole.DIMENSION,
        new String[] {"a", "b"}, new int[] {1, 2});
    assertRefused(input, "column=page row=1: dictionary id=2 outside [0, 2)");
  }

  @Test
  void multiValueIdsMustIndexTheDictionary() {
    ColumnarSegment input = segment(START, START).multiValueStringColumn("tags", ColumnRole.DIMENSION,
        new String[] {"a"}, new int[] {0, 1, 2}, new int[] {0, -1});
    assertRefused(input, "column=tags: dictionary id=-1 outside [0, 1)");
  }

  @Test
  void rowStartsMustNotDecrease() {
    ColumnarSegment input = segment(START, START).multiValueStringColumn("tags", ColumnRole.DIMENSION,
        new String[] {"a"}, new int[] {0, 2, 1}, new int[] {0, 0});
    assertRefused(input, "column=tags row=1: rowStarts decrease from 2 to 1");
  }

  @Test
  void dictionaryMustBeSortedAndDistinct() {
    ColumnarSegment input = segment(START).stringColumn("page", ColumnRole.DIMENSION,
        new String[] {"b", "a"}, new int[] {0});
    assertRefused(input, "column=page: dictionary not sorted and distinct at id=1: \"b\" >= \"a\"");
    ColumnarSegment duplicate = segment(START).stringColumn("page", ColumnRole.DIMENSION,
        new String[] {null, "a", "a"}, new int[] {0});
    assertRefused(duplicate, "column=page: dictionary not sorted and distinct at id=2: \"a\" >= \"a\"");
  }

  @Test
  void nullMustBeIdZero() {
    ColumnarSegment input = segment(START).stringColumn("page", ColumnRole.DIMENSION,
        new String[] {"a", null}, new int[] {0});
    assertRefused(input, "column=page: null at dictionary id=1 (null must be id 0)");
  }

  @Test
  void unpairedSurrogatesCannotBeStored() {
    ColumnarSegment input = segment(START).stringColumn("page", ColumnRole.DIMENSION,
        new String[] {"a\uD800"}, new int[] {0});
    assertRefused(input, "column=page dictionary id=0: value has an unpaired surrogate and cannot be stored as UTF-8");
  }

  @Test
  void nullRowsMustBeRows() {
    ColumnarSegment input = segment(START, START).longColumn("added", ColumnRole.METRIC, new long[2],
        RoaringBitmap.bitmapOf(1, 2));
    assertRefused(input, "column=added: null row=2 >= rowCount=2");
  }

  @Test
  void complexValuesMustNotBeNull() {
    ColumnarSegment input = segment(START, START).complexColumn("sketch", ColumnRole.METRIC, "HLLSketch",
        new byte[][] {{1}, null});
    assertRefused(input, "column=sketch row=1: complex value is null");
  }

  @Test
  void aFailedWriteLeavesNoFileAndKeepsTheOldOne() throws IOException {
    Path target = directory.resolve("kept.nseg");
    new SegmentWriter().write(RandomSegments.generate(new SplittableRandom(3), 10), target);
    byte[] before = Files.readAllBytes(target);
    ColumnarSegment bad = segment(START + 2, START + 1);
    assertThrows(IllegalArgumentException.class, () -> new SegmentWriter().write(bad, target));
    assertEquals(List.of(target), list());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(target)));
  }

  @Test
  void aWriteReplacesTheTargetWhole() throws IOException {
    Path target = directory.resolve("replaced.nseg");
    SegmentWriter writer = new SegmentWriter();
    writer.write(RandomSegments.generate(new SplittableRandom(3), 10), target);
    ColumnarSegment second = RandomSegments.generate(new SplittableRandom(4), 2000);
    writer.write(second, target);
    assertEquals(List.of(target), list());
    try (Segment segment = Segment.open(target, RegionVerification.AT_OPEN)) {
      SegmentOracle.check(second, segment, new SplittableRandom(5));
    }
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private void assertRefused(ColumnarSegment input, String message) {
    Path target = directory.resolve("refused.nseg");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new SegmentWriter().write(input, target));
    assertEquals(message, error.getMessage());
    try {
      assertEquals(List.of(), list(), "no file, temporary or final, is left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
