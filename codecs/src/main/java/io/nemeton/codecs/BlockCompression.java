package io.nemeton.codecs;

import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Compresses byte ranges with LZ4 or Zstd and decompresses them into a caller's array.
 * CONTRACT STUB: only {@link Compression#NONE} works until the codecs land.
 *
 * <p>Thread-safe.
 */
public final class BlockCompression {
  private BlockCompression() {}

  /** Appends {@code source[offset, offset+length)} compressed with {@code kind}; returns bytes written. */
  public static int compress(Compression kind, byte[] source, int offset, int length, GrowableBytes out) {
    if (kind != Compression.NONE) {
      throw new UnsupportedOperationException(kind + " not yet implemented");
    }
    out.write(source, offset, length);
    return length;
  }

  /**
   * Decompresses {@code compressedLength} bytes at {@code offset} into {@code destination[0,
   * uncompressedLength)}.
   *
   * @throws CodecException when the input is corrupt or does not produce exactly {@code
   *     uncompressedLength} bytes
   */
  public static void decompress(Compression kind, MemorySegment in, long offset, int compressedLength,
      byte[] destination, int uncompressedLength) {
    if (kind != Compression.NONE) {
      throw new UnsupportedOperationException(kind + " not yet implemented");
    }
    if (compressedLength != uncompressedLength) {
      throw new CodecException("stored block length=" + compressedLength + " expected=" + uncompressedLength);
    }
    MemorySegment.copy(in, ValueLayout.JAVA_BYTE, offset, destination, 0, uncompressedLength);
  }
}
