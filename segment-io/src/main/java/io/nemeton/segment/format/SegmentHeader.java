package io.nemeton.segment.format;

import static io.nemeton.segment.format.SegmentFileLayout.*;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The fixed header of a segment file (see {@link SegmentFileLayout}): encoded by the writer, read
 * and validated by the reader.
 *
 * @param rowCount rows in the segment
 * @param rowsPerBlock rows per column block
 * @param intervalStartMs inclusive start of the segment's interval
 * @param intervalEndMs exclusive end
 * @param fileSizeBytes size of the whole file
 * @param tocOffset where the table of contents starts
 * @param tocLengthBytes its length; it ends the file
 * @param tocCrc32c its checksum
 * @param formatVersion the file's format version (the writer always writes {@link
 *     SegmentFileLayout#FORMAT_VERSION})
 */
record SegmentHeader(int rowCount, int rowsPerBlock, long intervalStartMs, long intervalEndMs,
    long fileSizeBytes, long tocOffset, int tocLengthBytes, int tocCrc32c, int formatVersion) {

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The 64 header bytes, checksum included. */
  byte[] encode() {
    byte[] bytes = new byte[HEADER_SIZE_BYTES];
    LONG.set(bytes, MAGIC_OFFSET, MAGIC);
    SHORT.set(bytes, VERSION_OFFSET, (short) formatVersion);
    SHORT.set(bytes, HEADER_SIZE_OFFSET, (short) HEADER_SIZE_BYTES);
    INT.set(bytes, ROW_COUNT_OFFSET, rowCount);
    INT.set(bytes, ROWS_PER_BLOCK_OFFSET, rowsPerBlock);
    LONG.set(bytes, INTERVAL_START_OFFSET, intervalStartMs);
    LONG.set(bytes, INTERVAL_END_OFFSET, intervalEndMs);
    LONG.set(bytes, FILE_SIZE_OFFSET, fileSizeBytes);
    LONG.set(bytes, TOC_OFFSET_OFFSET, tocOffset);
    INT.set(bytes, TOC_LENGTH_OFFSET, tocLengthBytes);
    INT.set(bytes, TOC_CRC_OFFSET, tocCrc32c);
    INT.set(bytes, HEADER_CRC_OFFSET, checksum(MemorySegment.ofArray(bytes)));
    return bytes;
  }

  /** CRC32C of the header bytes except the checksum field itself. */
  static int checksum(MemorySegment file) {
    CRC32C crc = new CRC32C();
    crc.update(file.asSlice(0, HEADER_CRC_OFFSET).asByteBuffer());
    crc.update(file.asSlice(ROW_COUNT_OFFSET, HEADER_SIZE_BYTES - ROW_COUNT_OFFSET).asByteBuffer());
    return (int) crc.getValue();
  }

  /**
   * Reads and validates the header of {@code whole} (the mapped file): size, magic, version,
   * checksum, then every field, and that the table of contents lies inside the file and ends it.
   */
  static SegmentHeader read(Path file, MemorySegment whole) {
    long size = whole.byteSize();
    if (size < HEADER_SIZE_BYTES) {
      throw SegmentCorruptException.truncated(file, HEADER_REGION, HEADER_SIZE_BYTES, size);
    }
    long magic = whole.get(LittleEndian.LONG, MAGIC_OFFSET);
    if (magic != MAGIC) {
      throw fail(file, "magic expected=" + magicHex(MAGIC) + " actual=" + magicHex(magic) + " (not a segment file)");
    }
    int version = Short.toUnsignedInt(whole.get(LittleEndian.SHORT, VERSION_OFFSET));
    if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
      throw fail(file, "format version=" + version + " not supported (this reader reads versions "
          + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION + ")");
    }
    int stored = whole.get(LittleEndian.INT, HEADER_CRC_OFFSET);
    int actual = checksum(whole);
    if (stored != actual) {
      throw SegmentCorruptException.checksum(file, HEADER_REGION, stored, actual);
    }
    int headerSize = Short.toUnsignedInt(whole.get(LittleEndian.SHORT, HEADER_SIZE_OFFSET));
    int rowCount = whole.get(LittleEndian.INT, ROW_COUNT_OFFSET);
    int rowsPerBlock = whole.get(LittleEndian.INT, ROWS_PER_BLOCK_OFFSET);
    long start = whole.get(LittleEndian.LONG, INTERVAL_START_OFFSET);
    long end = whole.get(LittleEndian.LONG, INTERVAL_END_OFFSET);
    long recordedSize = whole.get(LittleEndian.LONG, FILE_SIZE_OFFSET);
    long tocOffset = whole.get(LittleEndian.LONG, TOC_OFFSET_OFFSET);
    int tocLength = whole.get(LittleEndian.INT, TOC_LENGTH_OFFSET);
    int tocCrc = whole.get(LittleEndian.INT, TOC_CRC_OFFSET);
    if (headerSize != HEADER_SIZE_BYTES) {
      throw fail(file, "header size=" + headerSize + " expected=" + HEADER_SIZE_BYTES);
    }
    if (rowCount < 0) {
      throw fail(file, "rowCount=" + Integer.toUnsignedString(rowCount) + " exceeds " + Integer.MAX_VALUE);
    }
    if (rowsPerBlock != ROWS_PER_BLOCK) {
      throw fail(file, "rowsPerBlock=" + rowsPerBlock + " expected=" + ROWS_PER_BLOCK);
    }
    if (end < start) {
      throw fail(file, "interval end=" + end + " is before start=" + start);
    }
    if (tocOffset < HEADER_SIZE_BYTES || tocLength < 0 || tocOffset % REGION_ALIGNMENT != 0) {
      throw fail(file, "toc offset=" + tocOffset + " length=" + tocLength + " invalid");
    }
    if (tocOffset > size || tocOffset + tocLength > size) {
      throw SegmentCorruptException.truncated(file, TOC_REGION, tocOffset + tocLength, size);
    }
    if (recordedSize != size) {
      throw fail(file, "recorded file size=" + recordedSize + " but file size=" + size);
    }
    if (tocOffset + tocLength != size) {
      throw fail(file, "toc ends at offset=" + (tocOffset + tocLength) + " but must end the file at size=" + size);
    }
    return new SegmentHeader(rowCount, rowsPerBlock, start, end, size, tocOffset, tocLength, tocCrc, version);
  }

  private static String magicHex(long magic) {
    // bytes in file order, so the text matches a hex dump of the file
    StringBuilder text = new StringBuilder("0x");
    for (int i = 0; i < 8; i++) {
      text.append(String.format("%02x", (magic >>> (8 * i)) & 0xFF));
    }
    return text.toString();
  }

  private static SegmentCorruptException fail(Path file, String detail) {
    return new SegmentCorruptException(file, HEADER_REGION, detail);
  }
}
