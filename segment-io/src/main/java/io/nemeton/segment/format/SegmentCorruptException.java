package io.nemeton.segment.format;

import java.nio.file.Path;

/**
 * A segment file that cannot be trusted: wrong magic, unknown version, a checksum mismatch, a
 * truncated file or an impossible structure. The message always starts with {@code file=<path>
 * region=<region>: }, e.g. {@code file=/x/y.nseg region=column:page/ids: checksum
 * expected=0x1234abcd actual=0x0badf00d}. The remedy is to fetch the segment again.
 */
public final class SegmentCorruptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String region;

  public SegmentCorruptException(Path file, String region, String detail) {
    super("file=" + file + " region=" + region + ": " + detail);
    this.file = file;
    this.region = region;
  }

  public SegmentCorruptException(Path file, String region, String detail, Throwable cause) {
    super("file=" + file + " region=" + region + ": " + detail, cause);
    this.file = file;
    this.region = region;
  }

  /** The file that failed. */
  public Path file() {
    return file;
  }

  /** The region that failed, e.g. {@code header}, {@code toc} or {@code column:page/ids}. */
  public String region() {
    return region;
  }

  static SegmentCorruptException checksum(Path file, String region, int expected, int actual) {
    return new SegmentCorruptException(
        file, region, "checksum expected=" + Crc32c.hex(expected) + " actual=" + Crc32c.hex(actual));
  }

  static SegmentCorruptException truncated(Path file, String region, long endOffset, long fileSize) {
    return new SegmentCorruptException(
        file, region, "ends at offset=" + endOffset + " but file size=" + fileSize);
  }
}
