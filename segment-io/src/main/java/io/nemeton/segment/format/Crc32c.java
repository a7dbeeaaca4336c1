package io.nemeton.segment.format;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) of mapped regions, as stored in segment files. The JDK computes it with the
 * CPU's CRC instructions, several GB/s per core.
 *
 * <p>Stateless and thread-safe; allocates one small checksum object per call.
 */
final class Crc32c {
  /** {@code ByteBuffer} views are limited to 2 GiB, so large regions are summed in chunks. */
  private static final long CHUNK_BYTES = 1L << 30;

  private Crc32c() {}

  static int of(MemorySegment segment, long offset, long length) {
    CRC32C crc = new CRC32C();
    long done = 0;
    while (done < length) {
      long chunk = Math.min(CHUNK_BYTES, length - done);
      crc.update(segment.asSlice(offset + done, chunk).asByteBuffer());
      done += chunk;
    }
    return (int) crc.getValue();
  }

  static int of(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** {@code 0x} and eight lower-case hex digits, as checksums appear in errors. */
  static String hex(int crc) {
    return String.format("0x%08x", crc);
  }
}
