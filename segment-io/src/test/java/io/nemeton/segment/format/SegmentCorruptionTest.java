package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.bitmap.PostingKind;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnarSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted and truncated files are refused with a {@link SegmentCorruptException} whose message
 * names the file, the region and both checksums (or the offsets), in exactly the documented shape.
 */
@ExtendWith(LeakCheckExtension.class)
class SegmentCorruptionTest {
  @TempDir
  Path directory;

  private byte[] valid;
  private List<String> regionNames;
  private Path file;

  @BeforeEach
  void writeValidSegment() throws IOException {
    ColumnarSegment input = RandomSegments.generate(new SplittableRandom(11), 2500, false);
    Path source = directory.resolve("valid.nseg");
    new SegmentWriter().write(input, source);
    valid = Files.readAllBytes(source);
    regionNames = new ArrayList<>();
    try (Segment segment = Segment.open(source, RegionVerification.AT_OPEN)) {
      for (int i = 0; i < segment.toc().regionCount(); i++) {
        regionNames.add(segment.toc().regionName(segment.toc().region(i)));
      }
    }
    file = directory.resolve("corrupt.nseg");
  }

  @Test
  void everyHeaderByteIsChecked() throws IOException {
    for (int offset = 0; offset < SegmentFileLayout.HEADER_SIZE_BYTES; offset++) {
      byte[] bytes = valid.clone();
      bytes[offset] ^= (byte) (1 << (offset % 8));
      String expected;
      if (offset < SegmentFileLayout.VERSION_OFFSET) {
        expected = "magic expected=0x894e5345470d0a1a actual=0x" + HexFormat.of().formatHex(bytes, 0, 8)
            + " (not a segment file)";
      } else if (offset < SegmentFileLayout.HEADER_SIZE_OFFSET
          && !isReadableVersion((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8)) {
        int version = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        expected = "format version=" + version + " not supported (this reader reads versions 1 to "
            + SegmentFileLayout.FORMAT_VERSION + ")";
      } else { // a flip to another readable version (3 to 2) is caught by the header checksum
        expected = checksum(SegmentBytes.intAt(bytes, SegmentFileLayout.HEADER_CRC_OFFSET), SegmentBytes.headerCrc(bytes));
      }
      assertRefused(bytes, RegionVerification.ON_FIRST_USE, "header", expected);
    }
  }

  @Test
  void everyTableOfContentsByteIsChecked() throws IOException {
    int tocOffset = SegmentBytes.tocOffset(valid);
    int tocLength = SegmentBytes.tocLength(valid);
    int storedCrc = SegmentBytes.intAt(valid, SegmentFileLayout.TOC_CRC_OFFSET);
    for (int offset = tocOffset; offset < tocOffset + tocLength; offset++) {
      byte[] bytes = valid.clone();
      bytes[offset] ^= 0x10;
      assertRefused(bytes, RegionVerification.ON_FIRST_USE, "toc",
          checksum(storedCrc, SegmentBytes.crc(bytes, tocOffset, tocLength)));
    }
  }

  @Test
  void everyRegionIsCheckedAtOpenAndOnFirstUse() throws IOException {
    for (int region = 0; region < regionNames.size(); region++) {
      int offset = SegmentBytes.regionOffset(valid, region);
      int length = SegmentBytes.regionLength(valid, region);
      int storedCrc = SegmentBytes.regionCrc(valid, region);
      for (int position : new TreeSet<>(List.of(0, length / 2, Math.max(0, length - 1)))) {
        if (length == 0) {
          continue;
        }
        byte[] bytes = valid.clone();
        bytes[offset + position] ^= (byte) 0x80;
        String expected = checksum(storedCrc, SegmentBytes.crc(bytes, offset, length));
        String name = regionNames.get(region);
        assertRefused(bytes, RegionVerification.AT_OPEN, name, expected);
        if (name.equals("info")) {
          assertRefused(bytes, RegionVerification.ON_FIRST_USE, name, expected);
        } else {
          Files.write(file, bytes);
          try (Segment segment = Segment.open(file)) {
            SegmentCorruptException error = assertThrows(SegmentCorruptException.class,
                () -> SegmentTouch.readEverything(segment), name);
            assertEquals("file=" + file + " region=" + name + ": " + expected, error.getMessage());
          }
        }
      }
    }
  }

  @Test
  void regionsAreVerifiedOnlyWhenUsed() throws IOException {
    int ids = regionNames.indexOf("column:page/ids");
    byte[] bytes = valid.clone();
    bytes[SegmentBytes.regionOffset(valid, ids) + 7] ^= 0x01;
    Files.write(file, bytes);
    try (Segment segment = Segment.open(file)) {
      StringColumnReader page = segment.stringColumn("page");
      // dictionary and bitmaps are intact: a filter through a stored posting works without the ids;
      // a chunk list or id scan reads the ids and finds them corrupt
      String idsCorrupt = "file=" + file + " region=column:page/ids: " + checksum(SegmentBytes.regionCrc(valid, ids),
          SegmentBytes.crc(bytes, SegmentBytes.regionOffset(valid, ids), SegmentBytes.regionLength(valid, ids)));
      for (int id = 0; id < page.cardinality(); id++) {
        assertEquals(id, page.lookupId(page.value(id)));
        PostingKind kind = page.bitmapIndex().postingKind(id);
        if (kind == PostingKind.ROARING || kind == PostingKind.ROW_LIST) {
          page.bitmap(id).getCardinality();
        } else {
          int refined = id;
          assertEquals(idsCorrupt, assertThrows(SegmentCorruptException.class, () -> page.bitmap(refined)).getMessage());
        }
      }
      SegmentCorruptException error = assertThrows(SegmentCorruptException.class,
          () -> page.readIdsBlock(0, new int[SegmentFileLayout.ROWS_PER_BLOCK]));
      assertEquals("file=" + file + " region=column:page/ids: " + checksum(SegmentBytes.regionCrc(valid, ids),
          SegmentBytes.crc(bytes, SegmentBytes.regionOffset(valid, ids), SegmentBytes.regionLength(valid, ids))),
          error.getMessage());
      // other columns are unaffected
      segment.time().readBlock(0, new long[SegmentFileLayout.ROWS_PER_BLOCK]);
      assertThrows(SegmentCorruptException.class, segment::verifyAll);
    }
  }

  @Test
  void truncatedFilesAreRefused() throws IOException {
    int tocEnd = SegmentBytes.tocOffset(valid) + SegmentBytes.tocLength(valid);
    assertEquals(valid.length, tocEnd);
    TreeSet<Integer> lengths = new TreeSet<>();
    for (int length = 0; length < 200; length++) {
      lengths.add(length);
    }
    for (int step = 0; step < 150; step++) {
      lengths.add((int) ((long) valid.length * step / 150));
    }
    for (int cut = 1; cut <= 40; cut++) {
      lengths.add(valid.length - cut);
    }
    for (int length : lengths) {
      byte[] bytes = java.util.Arrays.copyOf(valid, length);
      if (length < SegmentFileLayout.HEADER_SIZE_BYTES) {
        assertRefused(bytes, RegionVerification.ON_FIRST_USE, "header", "ends at offset=64 but file size=" + length);
      } else {
        assertRefused(bytes, RegionVerification.ON_FIRST_USE, "toc",
            "ends at offset=" + tocEnd + " but file size=" + length);
      }
    }
  }

  @Test
  void extraBytesAtTheEndAreRefused() throws IOException {
    byte[] bytes = java.util.Arrays.copyOf(valid, valid.length + 5);
    assertRefused(bytes, RegionVerification.ON_FIRST_USE, "header",
        "recorded file size=" + valid.length + " but file size=" + bytes.length);
  }

  @Test
  void otherFilesAreNotSegments() throws IOException {
    byte[] text = "{\"this\": \"is JSON, not a segment, but it is long enough to hold a header\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertRefused(text, RegionVerification.ON_FIRST_USE, "header",
        "magic expected=0x894e5345470d0a1a actual=0x" + HexFormat.of().formatHex(text, 0, 8) + " (not a segment file)");
  }

  @Test
  void version4PartsAreRefusedInOlderVersions() throws IOException {
    byte[] bytes = valid.clone();
    bytes[SegmentFileLayout.VERSION_OFFSET] = 3;
    SegmentBytes.resealTocAndHeader(bytes);
    Files.write(file, bytes);
    SegmentCorruptException error = assertThrows(SegmentCorruptException.class, () -> {
      try (Segment segment = Segment.open(file, RegionVerification.ON_FIRST_USE)) {
        SegmentTouch.readEverything(segment);
      }
    });
    // which version-4 part is refused first (chunk lists or id scans, a front-coded dictionary, an
    // Elias–Fano time block) depends on which of them the writer chose for the fixture
    assertTrue(error.getMessage().contains("unknown encoding id=128") || error.getMessage().contains("flags=")
        || error.getMessage().contains("layout=CHUNK_POSTINGS expected=LIST_POSTINGS"), error.getMessage());
  }

  private static boolean isReadableVersion(int version) {
    return version >= SegmentFileLayout.OLDEST_READABLE_VERSION && version <= SegmentFileLayout.FORMAT_VERSION;
  }

  @Test
  void newerVersionsAreRefusedByVersion() throws IOException {
    byte[] bytes = valid.clone();
    int newer = SegmentFileLayout.FORMAT_VERSION + 1;
    bytes[SegmentFileLayout.VERSION_OFFSET] = (byte) newer;
    SegmentBytes.resealTocAndHeader(bytes);
    assertRefused(bytes, RegionVerification.ON_FIRST_USE, "header",
        "format version=" + newer + " not supported (this reader reads versions 1 to " + SegmentFileLayout.FORMAT_VERSION
            + ")");
    bytes[SegmentFileLayout.VERSION_OFFSET] = 0;
    SegmentBytes.resealTocAndHeader(bytes);
    assertRefused(bytes, RegionVerification.ON_FIRST_USE, "header",
        "format version=0 not supported (this reader reads versions 1 to " + SegmentFileLayout.FORMAT_VERSION + ")");
  }

  @Test
  void bitmapsInTheLayoutOfAnotherVersionAreRefused() throws IOException {
    // a version-3 file: its time blocks and dictionaries are also valid in versions 1 and 2
    Path source = directory.resolve("valid-v3.nseg");
    new SegmentWriter(3).write(RandomSegments.generate(new SplittableRandom(11), 2500, false), source);
    byte[] bytes = Files.readAllBytes(source);
    bytes[SegmentFileLayout.VERSION_OFFSET] = 1; // version 1 promises Roaring-only bitmap indexes
    SegmentBytes.resealTocAndHeader(bytes);
    String region = regionNames.stream().filter(name -> name.endsWith("/bitmaps")).findFirst().orElseThrow();
    assertRefused(bytes, RegionVerification.ON_FIRST_USE, region,
        "layout=LIST_POSTINGS expected=ROARING_ONLY for this format version");
    bytes[SegmentFileLayout.VERSION_OFFSET] = 2; // version 2 promises NBI2 (lists of at most 1024 rows)
    SegmentBytes.resealTocAndHeader(bytes);
    assertRefused(bytes, RegionVerification.ON_FIRST_USE, region,
        "layout=LIST_POSTINGS expected=COMPACT_POSTINGS for this format version");
  }

  private void assertRefused(byte[] bytes, RegionVerification verification, String region, String detail)
      throws IOException {
    Files.write(file, bytes);
    SegmentCorruptException error = assertThrows(SegmentCorruptException.class, () -> {
      try (Segment segment = Segment.open(file, verification)) {
        SegmentTouch.readEverything(segment);
      }
    }, () -> "expected region=" + region + " " + detail);
    assertEquals("file=" + file + " region=" + region + ": " + detail, error.getMessage());
    assertEquals(region, error.region());
    assertEquals(file, error.file());
  }

  private static String checksum(int expected, int actual) {
    return String.format("checksum expected=0x%08x actual=0x%08x", expected, actual);
  }
}
