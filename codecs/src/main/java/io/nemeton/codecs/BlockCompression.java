package io.nemeton.codecs;

import io.nemeton.codecs.internal.Lz4Compressor;
import io.nemeton.codecs.internal.Lz4Decompressor;
import io.nemeton.codecs.internal.ZstdBlockCompressor;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Compresses byte ranges with LZ4 (block format, our own implementation) or Zstd (one frame, via
 * zstd-jni) and decompresses them into a caller's array. The caller stores the compression kind and
 * both lengths; {@link #compressSmallest} lets a writer pick per region.
 *
 * <p>Thread-safe. Compression allocates scratch. Decompression of NONE never allocates; LZ4 reads a
 * heap array in place and copies other segments' ranges into a per-thread scratch array (grown, never
 * shrunk); Zstd allocates a small view per call (and copies the input when the segment is on the
 * heap).
 * Corrupt input always ends in {@link CodecException}; nothing is read outside {@code [offset,
 * offset + compressedLength)}.
 */
public final class BlockCompression {
  private BlockCompression() {}

  /** Appends {@code source[offset, offset+length)} compressed with {@code kind}; returns bytes written. */
  public static int compress(Compression kind, byte[] source, int offset, int length, GrowableBytes out) {
    if (offset < 0 || length < 0 || offset > source.length - length) {
      throw new IllegalArgumentException("compress " + kind + ": range offset=" + offset + " length=" + length
          + " outside source length=" + source.length);
    }
    return switch (kind) {
      case NONE -> {
        out.write(source, offset, length);
        yield length;
      }
      case LZ4 -> Lz4Compressor.compress(source, offset, length, out);
      case ZSTD -> ZstdBlockCompressor.compress(source, offset, length, out);
    };
  }

  /**
   * Decompresses {@code compressedLength} bytes at {@code offset} into {@code destination[0,
   * uncompressedLength)}.
   *
   * @throws CodecException when the input is corrupt, lies outside {@code in}, does not produce
   *     exactly {@code uncompressedLength} bytes, or the destination is too small
   */
  public static void decompress(Compression kind, MemorySegment in, long offset, int compressedLength,
      byte[] destination, int uncompressedLength) {
    if (offset < 0 || compressedLength < 0 || compressedLength > in.byteSize() - offset) {
      throw new CodecException(kind + " block at offset=" + offset + ": compressed length=" + compressedLength
          + " passes segment size=" + in.byteSize());
    }
    if (uncompressedLength < 0 || uncompressedLength > destination.length) {
      throw new CodecException(kind + " block at offset=" + offset + ": uncompressed length=" + uncompressedLength
          + " outside 0..destination length=" + destination.length);
    }
    switch (kind) {
      case NONE -> {
        if (compressedLength != uncompressedLength) {
          throw new CodecException("NONE block at offset=" + offset + ": stored length=" + compressedLength
              + " expected=" + uncompressedLength);
        }
        MemorySegment.copy(in, ValueLayout.JAVA_BYTE, offset, destination, 0, uncompressedLength);
      }
      case LZ4 -> Lz4Decompressor.decompress(in, offset, compressedLength, destination, uncompressedLength);
      case ZSTD -> ZstdBlockCompressor.decompress(in, offset, compressedLength, destination, uncompressedLength);
    }
  }
}
