package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ColumnarSegment.Column;
import io.nemeton.segment.ColumnarSegment.ComplexColumn;
import io.nemeton.segment.ColumnarSegment.DoubleColumn;
import io.nemeton.segment.ColumnarSegment.FloatColumn;
import io.nemeton.segment.ColumnarSegment.LongColumn;
import io.nemeton.segment.ColumnarSegment.StringColumn;
import io.nemeton.segment.Utf8Dictionary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * String columns whose dictionary is handed over as UTF-8 bytes ({@link Utf8Dictionary}) write the
 * same file, byte for byte, as the same columns given as Strings (seeded random segments with
 * non-ASCII values, values where UTF-8 and UTF-16 order disagree, nulls, multi-value rows, front-coded
 * and flat dictionaries); the writer refuses an unsorted dictionary, duplicates, malformed UTF-8 and
 * decreasing offsets, naming the column and id; the Strings are decoded for readers that ask.
 */
@ExtendWith(LeakCheckExtension.class)
class Utf8DictionaryWriteTest {
  @TempDir
  Path directory;

  @Test
  void utf8DictionariesWriteTheSameBytesAsStrings() throws Exception {
    final long first = Long.getLong("nemeton.seed", new SplittableRandom().nextLong());
    for (long seed = first; seed < first + 12; seed++) {
      try {
        final SplittableRandom random = new SplittableRandom(seed);
        final ColumnarSegment strings = RandomSegments.generate(random, random.nextInt(3000), false);
        final ColumnarSegment utf8 = asUtf8(strings);
        final SegmentWriter writer = new SegmentWriter();
        final Path expected = directory.resolve("strings-" + seed + SegmentFileLayout.FILE_EXTENSION);
        final Path actual = directory.resolve("utf8-" + seed + SegmentFileLayout.FILE_EXTENSION);
        writer.write(strings, expected);
        writer.write(utf8, actual);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
      } catch (Exception | AssertionError e) {
        throw new AssertionError("failed for seed=" + seed + " (rerun with -Dnemeton.seed=" + seed + ")", e);
      }
    }
  }

  @Test
  void stringsAreDecodedOnceForReaders() {
    final String[] values = {null, "a", "é", "\uD83D\uDE00", "\uFFFD"};
    final Utf8Dictionary dictionary = utf8(values);
    final ColumnarSegment segment = new ColumnarSegment(RandomSegments.info(new SplittableRandom(1)), 2)
        .utf8StringColumn("d", ColumnRole.DIMENSION, dictionary, new int[] {1, 3});
    final StringColumn column = (StringColumn) segment.column("d");
    assertEquals(5, column.cardinality());
    assertArrayEquals(values, column.dictionary());
    assertSame(column.dictionary(), column.dictionary());
  }

  @Test
  void badDictionariesAreRefusedNamingTheColumnAndId() {
    assertRefused(new String[] {"b", "a"}, null, "column=d: dictionary not sorted and distinct at id=1: \"b\" >= \"a\"");
    assertRefused(new String[] {null, "a", "a"}, null, "column=d: dictionary not sorted and distinct at id=2");
    // a supplementary character sorts below U+E000 in String order, above it in byte order
    assertRefused(new String[] {"\uE000", "\uD83D\uDE00"}, null, "column=d: dictionary not sorted and distinct at id=1");
    assertRefused(null, new byte[][] {{'a'}, {(byte) 0xC0, (byte) 0x80}}, "column=d dictionary id=1: value is not well-formed UTF-8");
    assertRefused(null, new byte[][] {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}}, "id=0: value is not well-formed UTF-8");
    assertRefused(null, new byte[][] {{'a'}, {'b', (byte) 0xE4, (byte) 0xB8}}, "id=1: value is not well-formed UTF-8");
    final Utf8Dictionary decreasing = new Utf8Dictionary(new byte[] {'a', 'b', 'c'}, new int[] {0, 2, 1, 3}, 3, false);
    final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> write(decreasing));
    assertEquals("column=d dictionary id=1: offsets decrease from 2 to 1", failure.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Utf8Dictionary(new byte[1], new int[] {0, 2}, 1, false));
    assertThrows(IllegalArgumentException.class, () -> new Utf8Dictionary(new byte[1], new int[] {0, 1}, 1, true));
    assertThrows(IllegalArgumentException.class, () -> new Utf8Dictionary(new byte[1], new int[] {0}, 1, false));
  }

  private void assertRefused(String[] values, byte[][] raw, String message) {
    final Utf8Dictionary dictionary = values != null ? utf8(values) : utf8(raw);
    final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> write(dictionary));
    assertTrue(failure.getMessage().startsWith(message) || failure.getMessage().contains(message), failure.getMessage());
  }

  private void write(Utf8Dictionary dictionary) throws Exception {
    final int cardinality = dictionary.cardinality();
    final int[] ids = new int[cardinality];
    for (int i = 0; i < cardinality; i++) {
      ids[i] = i;
    }
    final ColumnarSegment segment = new ColumnarSegment(RandomSegments.info(new SplittableRandom(2)), cardinality)
        .time(new long[cardinality]);
    final long[] times = segment.timesMs();
    java.util.Arrays.fill(times, RandomSegments.START_MS);
    segment.utf8StringColumn("d", ColumnRole.DIMENSION, dictionary, ids);
    new SegmentWriter().write(segment, directory.resolve("bad" + SegmentFileLayout.FILE_EXTENSION));
  }

  private static ColumnarSegment asUtf8(ColumnarSegment source) {
    final ColumnarSegment copy = new ColumnarSegment(source.info(), source.rowCount()).time(source.timesMs());
    for (Column column : source.columns()) {
      switch (column) {
        case LongColumn c -> copy.longColumn(c.name(), c.role(), c.values(), c.nullRows());
        case FloatColumn c -> copy.floatColumn(c.name(), c.role(), c.values(), c.nullRows());
        case DoubleColumn c -> copy.doubleColumn(c.name(), c.role(), c.values(), c.nullRows());
        case StringColumn c when c.multiValue() ->
            copy.utf8MultiValueStringColumn(c.name(), c.role(), utf8(c.dictionary()), c.rowStarts(), c.ids());
        case StringColumn c -> copy.utf8StringColumn(c.name(), c.role(), utf8(c.dictionary()), c.ids());
        case ComplexColumn c -> copy.complexColumn(c.name(), c.role(), c.typeName(), c.values());
      }
    }
    return copy;
  }

  static Utf8Dictionary utf8(String[] values) {
    final byte[][] raw = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      raw[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
    }
    return utf8(raw);
  }

  /** A null entry (only at 0) is the null value. */
  private static Utf8Dictionary utf8(byte[][] values) {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final int[] offsets = new int[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        bytes.writeBytes(values[i]);
      }
      offsets[i + 1] = bytes.size();
    }
    return new Utf8Dictionary(bytes.toByteArray(), offsets, values.length, values.length > 0 && values[0] == null);
  }
}
