package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.MemoryAccounting;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front-coded dictionaries (format version 4): seeded round trips over the shapes that stress the
 * coding (empty, one value, the empty string, shared prefixes of every length, multi-byte UTF-8,
 * bucket boundaries, long values), the lazy decode into accounted off-heap memory, and hostile bytes.
 */
@ExtendWith(LeakCheckExtension.class)
class FrontCodedDictionaryTest {
  private static final String[] PIECES = {"a", "b", "ab", "zz", "é", "中文", "\uD83D\uDE00", "\uE000", "\uFFFD", "~",
      "0", "9", " "};

  @TempDir
  Path directory;

  @Test
  void seededDictionariesRoundTrip() throws Exception {
    long first = Long.getLong("nemeton.seed", 4_000);
    for (long seed = first; seed < first + 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      try {
        String[] dictionary = dictionary(random);
        roundTrip(dictionary, "seed-" + seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("dictionary round trip failed for seed=" + seed + " (rerun with -Dnemeton.seed)", e);
      }
    }
  }

  @Test
  void edgeShapesRoundTrip() throws Exception {
    roundTrip(new String[0], "empty");
    roundTrip(new String[] {null}, "null-only");
    roundTrip(new String[] {""}, "empty-string");
    roundTrip(new String[] {null, ""}, "null-and-empty");
    roundTrip(new String[] {"only"}, "one");
    for (int size : new int[] {15, 16, 17, 31, 32, 33, 255, 256, 257}) {
      String[] values = new String[size];
      for (int i = 0; i < size; i++) {
        values[i] = String.format("prefix-%05d", i);
      }
      roundTrip(values, "bucket-" + size);
    }
    // shared prefixes of every length 0..300 (across the nibble escape and two-byte varints)
    List<String> prefixes = new ArrayList<>();
    String base = "x".repeat(300);
    for (int length = 0; length <= 300; length++) {
      prefixes.add(base.substring(0, length) + "y");
    }
    prefixes.sort(null);
    roundTrip(prefixes.toArray(new String[0]), "every-prefix");
    roundTrip(new String[] {null, "", "a", "a".repeat(20_000), "b"}, "long-value");
  }

  @Test
  void largeDictionaryDecodesOnceIntoSegmentMemoryFreedOnClose() throws Exception {
    String[] values = new String[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = "u" + Integer.toString(100_000 + i * 7, 36);
    }
    Path file = write(values, "large");
    long before = MemoryAccounting.allocatedBytes(DecodedMemory.TAG);
    try (Segment segment = Segment.open(file)) {
      StringColumnReader column = (StringColumnReader) segment.column("d");
      assertTrue(column.dictionaryFrontCoded());
      assertEquals(before, MemoryAccounting.allocatedBytes(DecodedMemory.TAG), "decoded before first use");
      MemorySegment bytes = column.dictionaryValueBytes();
      long flat = MemoryAccounting.allocatedBytes(DecodedMemory.TAG) - before;
      assertEquals(4L * (values.length + 1) + bytes.byteSize(), flat);
      assertTrue(bytes.isReadOnly());
      column.dictionaryValueOffsets();
      column.value(17);
      assertEquals(flat, MemoryAccounting.allocatedBytes(DecodedMemory.TAG) - before, "decoded twice");
      long dictionaryRegion = segment.region(1, RegionKind.DICTIONARY).sizeBytes();
      assertTrue(dictionaryRegion < flat * 3 / 4, "front-coded region=" + dictionaryRegion + " flat=" + flat);
    }
    assertEquals(before, MemoryAccounting.allocatedBytes(DecodedMemory.TAG));
  }

  @Test
  void olderVersionsKeepFlatDictionaries() throws Exception {
    String[] values = new String[500];
    for (int i = 0; i < values.length; i++) {
      values[i] = String.format("value-%04d", i);
    }
    ColumnarSegment input = segment(values);
    Path file = directory.resolve("v3" + SegmentFileLayout.FILE_EXTENSION);
    new SegmentWriter(3).write(input, file);
    try (Segment segment = Segment.open(file)) {
      StringColumnReader column = (StringColumnReader) segment.column("d");
      assertFalse(column.dictionaryFrontCoded());
      assertEquals("value-0042", column.value(42));
    }
  }

  @Test
  void hostileCodedBytesAreRefusedNamingTheLimit() throws Exception {
    String[] values = new String[40];
    for (int i = 0; i < values.length; i++) {
      values[i] = String.format("shared-prefix-%03d", i);
    }
    Path file = write(values, "hostile");
    byte[] valid = Files.readAllBytes(file);
    int region;
    int buckets = DictionaryLayout.bucketCount(values.length, DictionaryLayout.BUCKET_SHIFT);
    try (Segment segment = Segment.open(file)) {
      region = segment.toc().indexOf(1, RegionKind.DICTIONARY);
      assertTrue(((StringColumnReader) segment.column("d")).dictionaryFrontCoded());
    }
    int start = SegmentBytes.regionOffset(valid, region);
    int coded = start + (int) DictionaryLayout.codedOffset(buckets);
    assertEquals(0, valid[start + DictionaryLayout.COMPRESSION_OFFSET], "test needs an uncompressed stream");

    byte[] bytes = valid.clone();
    bytes[coded] = (byte) ((1 << 4) | (bytes[coded] & 15)); // first entry of bucket 0 claims a shared prefix
    assertRefused(bytes, "bucket=0 id=0: prefix length=1 exceeds the previous value's length=0");

    bytes = valid.clone();
    bytes[coded] = (byte) 0x0F; // suffix escape; then continuation bytes forever
    Arrays.fill(bytes, coded + 1, coded + 7, (byte) 0xFF);
    assertRefused(bytes, "bucket=0 id=0: varint at coded offset=1 longer than 5 bytes");

    bytes = valid.clone();
    bytes[coded] = (byte) 0x0E; // first value's suffix longer than it is: the bucket's bytes no longer line up
    assertRefused(bytes, null);

    bytes = valid.clone();
    SegmentBytes.putInt(bytes, start + DictionaryLayout.OFFSETS_OFFSET + 4, 1_000_000); // bucket 1 offset
    assertRefused(bytes, "bucket offset[2]=");

    bytes = valid.clone();
    bytes[start + DictionaryLayout.BUCKET_SHIFT_OFFSET] = 31;
    assertRefused(bytes, "bucketShift=31 exceeds limit=12");

    bytes = valid.clone();
    SegmentBytes.putInt(bytes, start + DictionaryLayout.VALUE_BYTES_LENGTH_OFFSET, Integer.MAX_VALUE);
    assertRefused(bytes, "valueBytes=2147483647 exceed what coded bytes=");
  }

  private void assertRefused(byte[] bytes, String detail) throws Exception {
    SegmentBytes.reseal(bytes);
    Path file = directory.resolve("corrupt" + SegmentFileLayout.FILE_EXTENSION);
    Files.write(file, bytes);
    SegmentCorruptException error = assertThrows(SegmentCorruptException.class, () -> {
      try (Segment segment = Segment.open(file)) {
        StringColumnReader column = (StringColumnReader) segment.column("d");
        column.dictionaryValueBytes();
      }
    });
    assertEquals("column:d/dictionary", error.region());
    if (detail != null) {
      assertTrue(error.getMessage().contains(detail), error.getMessage());
    }
  }

  private void roundTrip(String[] dictionary, String name) throws Exception {
    Path file = write(dictionary, name);
    try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
      StringColumnReader column = (StringColumnReader) segment.column("d");
      boolean hasNull = dictionary.length > 0 && dictionary[0] == null;
      assertEquals(dictionary.length, column.cardinality());
      assertEquals(hasNull, column.hasNullValue());
      MemorySegment offsets = column.dictionaryValueOffsets();
      MemorySegment all = column.dictionaryValueBytes();
      assertEquals(0, offsets.getAtIndex(LittleEndian.INT, 0));
      for (int id = 0; id < dictionary.length; id++) {
        String expected = dictionary[id];
        assertEquals(expected, column.value(id), "id=" + id);
        byte[] utf8 = expected == null ? new byte[0] : expected.getBytes(StandardCharsets.UTF_8);
        int from = offsets.getAtIndex(LittleEndian.INT, id);
        int to = offsets.getAtIndex(LittleEndian.INT, id + 1);
        assertTrue(Arrays.equals(utf8, all.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE)), "id=" + id);
        if (expected == null) {
          assertNull(column.valueBytes(id));
        } else {
          assertTrue(Arrays.equals(utf8, column.valueBytes(id).toArray(ValueLayout.JAVA_BYTE)), "id=" + id);
        }
        assertEquals(id, column.lookupId(expected), "id=" + id);
        if (expected != null) {
          String absent = expected + "\u0000";
          int insertion = id + 1;
          if (id + 1 < dictionary.length && dictionary[id + 1].equals(absent)) {
            continue;
          }
          assertEquals(-insertion - 1, column.lookupId(absent), "after id=" + id);
        }
      }
      assertEquals(dictionary.length == 0 ? 0 : to(offsets, dictionary.length), all.byteSize());
    }
  }

  private static int to(MemorySegment offsets, int cardinality) {
    return offsets.getAtIndex(LittleEndian.INT, cardinality);
  }

  private Path write(String[] dictionary, String name) throws Exception {
    Path file = directory.resolve(name + SegmentFileLayout.FILE_EXTENSION);
    new SegmentWriter().write(segment(dictionary), file);
    return file;
  }

  private static ColumnarSegment segment(String[] dictionary) {
    int rows = dictionary.length;
    ColumnarSegment segment = new ColumnarSegment(RandomSegments.info(new SplittableRandom(1)), rows);
    long[] times = new long[rows];
    Arrays.fill(times, RandomSegments.START_MS);
    segment.time(times);
    int[] ids = new int[rows];
    for (int i = 0; i < rows; i++) {
      ids[i] = i;
    }
    segment.stringColumn("d", ColumnRole.DIMENSION, dictionary, ids);
    return segment;
  }

  /** Sorted distinct values built from pieces that share prefixes and span 1 to 4 UTF-8 bytes. */
  private static String[] dictionary(SplittableRandom random) {
    int size = switch (random.nextInt(5)) {
      case 0 -> random.nextInt(3);
      case 1 -> 14 + random.nextInt(5);
      case 2 -> random.nextInt(3000);
      default -> random.nextInt(200);
    };
    TreeSet<String> values = new TreeSet<>();
    int attempts = 0;
    while (values.size() < size && attempts++ < size * 20) {
      StringBuilder text = new StringBuilder();
      int parts = random.nextInt(10) == 0 ? 20 + random.nextInt(30) : random.nextInt(7);
      for (int p = 0; p < parts; p++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      values.add(text.toString());
    }
    List<String> all = new ArrayList<>();
    if (random.nextBoolean()) {
      all.add(null);
    }
    all.addAll(values);
    return all.toArray(new String[0]);
  }
}
