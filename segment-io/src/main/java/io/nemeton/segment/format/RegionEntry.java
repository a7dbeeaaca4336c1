package io.nemeton.segment.format;

/**
 * One region of a segment file as listed in the table of contents.
 *
 * @param column index of the owning column, or {@link TableOfContentsLayout#SEGMENT_COLUMN}
 * @param kind what the region holds
 * @param crc32c CRC32C of the region's bytes
 * @param offset where the region starts, from the start of the file
 * @param lengthBytes the region's length
 */
record RegionEntry(int column, RegionKind kind, int crc32c, long offset, long lengthBytes) {

  long endOffset() {
    return offset + lengthBytes;
  }
}
