package io.nemeton.segment.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Test-side view of a segment file's bytes, computed independently of the reader: header fields,
 * region entries, checksums, and re-sealing a deliberately edited file with valid checksums (to
 * reach the structural checks behind them).
 */
final class SegmentBytes {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private SegmentBytes() {}

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  static int headerCrc(byte[] file) {
    CRC32C crc = new CRC32C();
    crc.update(file, 0, 12);
    crc.update(file, 16, 48);
    return (int) crc.getValue();
  }

  static int intAt(byte[] bytes, int offset) {
    return (int) INT.get(bytes, offset);
  }

  static long longAt(byte[] bytes, int offset) {
    return (long) LONG.get(bytes, offset);
  }

  static void putInt(byte[] bytes, int offset, int value) {
    INT.set(bytes, offset, value);
  }

  static int tocOffset(byte[] file) {
    return (int) longAt(file, SegmentFileLayout.TOC_OFFSET_OFFSET);
  }

  static int tocLength(byte[] file) {
    return intAt(file, SegmentFileLayout.TOC_LENGTH_OFFSET);
  }

  static int regionCount(byte[] file) {
    return intAt(file, tocOffset(file) + TableOfContentsLayout.REGION_COUNT_OFFSET);
  }

  /** Where region entry {@code index} starts in the file. */
  static int regionEntryAt(byte[] file, int index) {
    int regionsStart = tocOffset(file) + tocLength(file) - regionCount(file) * TableOfContentsLayout.REGION_ENTRY_BYTES;
    return regionsStart + index * TableOfContentsLayout.REGION_ENTRY_BYTES;
  }

  static int regionOffset(byte[] file, int index) {
    return (int) longAt(file, regionEntryAt(file, index) + TableOfContentsLayout.REGION_OFFSET_OFFSET);
  }

  static int regionLength(byte[] file, int index) {
    return (int) longAt(file, regionEntryAt(file, index) + TableOfContentsLayout.REGION_LENGTH_OFFSET);
  }

  static int regionCrc(byte[] file, int index) {
    return intAt(file, regionEntryAt(file, index) + TableOfContentsLayout.REGION_CRC_OFFSET);
  }

  /**
   * Recomputes every region checksum, then the TOC's, then the header's, after an edit. Parts the
   * edit made unreachable (a TOC outside the file, entries pointing outside it) are left alone.
   */
  static void reseal(byte[] file) {
    long tocOffset = longAt(file, SegmentFileLayout.TOC_OFFSET_OFFSET);
    long tocLength = Integer.toUnsignedLong(intAt(file, SegmentFileLayout.TOC_LENGTH_OFFSET));
    if (tocOffset >= 8 && tocOffset + tocLength <= file.length) {
      long count = Integer.toUnsignedLong(intAt(file, (int) tocOffset + TableOfContentsLayout.REGION_COUNT_OFFSET));
      long regionsStart = tocOffset + tocLength - count * TableOfContentsLayout.REGION_ENTRY_BYTES;
      for (long i = 0; i < count && regionsStart >= tocOffset; i++) {
        int entry = (int) (regionsStart + i * TableOfContentsLayout.REGION_ENTRY_BYTES);
        long offset = longAt(file, entry + TableOfContentsLayout.REGION_OFFSET_OFFSET);
        long length = longAt(file, entry + TableOfContentsLayout.REGION_LENGTH_OFFSET);
        if (offset >= 0 && length >= 0 && offset <= file.length && length <= file.length - offset) {
          putInt(file, entry + TableOfContentsLayout.REGION_CRC_OFFSET, crc(file, (int) offset, (int) length));
        }
      }
      putInt(file, SegmentFileLayout.TOC_CRC_OFFSET, crc(file, (int) tocOffset, (int) tocLength));
    }
    putInt(file, SegmentFileLayout.HEADER_CRC_OFFSET, headerCrc(file));
  }

  /** Recomputes the TOC's and the header's checksums only. */
  static void resealTocAndHeader(byte[] file) {
    putInt(file, SegmentFileLayout.TOC_CRC_OFFSET, crc(file, tocOffset(file), tocLength(file)));
    putInt(file, SegmentFileLayout.HEADER_CRC_OFFSET, headerCrc(file));
  }
}
