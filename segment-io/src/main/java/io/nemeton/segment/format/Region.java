package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * One mapped region of an open segment file whose CRC32C is checked the first time it is used
 * (or at open, when every region is verified then).
 *
 * <p>Thread-safe: two threads may both verify a region the first time; the result is the same.
 * The bytes are valid while the segment is open.
 */
final class Region {
  private final Path file;
  private final String name;
  private final int expectedCrc;
  private final MemorySegment bytes;
  private volatile boolean verified;

  Region(Path file, String name, int expectedCrc, MemorySegment bytes) {
    this.file = file;
    this.name = name;
    this.expectedCrc = expectedCrc;
    this.bytes = bytes;
  }

  /** The region's bytes after its checksum has matched. */
  MemorySegment verified() {
    if (!verified) {
      verify();
    }
    return bytes;
  }

  /** Checks the checksum now unless that already happened. */
  void verify() {
    if (verified) {
      return;
    }
    int actual = Crc32c.of(bytes, 0, bytes.byteSize());
    if (actual != expectedCrc) {
      throw SegmentCorruptException.checksum(file, name, expectedCrc, actual);
    }
    verified = true;
  }

  long sizeBytes() {
    return bytes.byteSize();
  }

  /** The name in errors, e.g. {@code column:page/ids}. */
  String name() {
    return name;
  }

  Path file() {
    return file;
  }

  /** An error about this region's content. */
  SegmentCorruptException corrupt(String detail) {
    return new SegmentCorruptException(file, name, detail);
  }
}
