package io.nemeton.codecs.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.nemeton.codecs.CodecException;
import io.nemeton.memory.GrowableBytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Zstandard frames through zstd-jni. Decompression reads a native (mapped) segment in place through
 * a direct buffer view; a heap segment is copied to an array first. The native library checks the
 * frame; its errors and any length mismatch become {@link CodecException}.
 *
 * <p>Thread-safe: each thread keeps one decompression context (native memory owned by zstd, freed
 * with the context). Compression allocates nothing on the Java heap beyond the output buffer.
 */
public final class ZstdBlockCompressor {
  /** Zstd's default level: the usual balance of ratio and write speed for cold column blocks. */
  public static final int LEVEL = 3;

  private static final ThreadLocal<ZstdDecompressCtx> CONTEXTS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private ZstdBlockCompressor() {}

  /** Appends one zstd frame of {@code source[offset, offset+length)}; returns bytes written. */
  public static int compress(byte[] source, int offset, int length, GrowableBytes out) {
    final long bound = Zstd.compressBound(length);
    if (bound > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("zstd: input length=" + length + " too large for one block");
    }
    out.ensureCapacity((int) bound);
    final long written = Zstd.compressByteArray(out.array(), out.size(), (int) bound, source, offset, length, LEVEL);
    if (Zstd.isError(written)) {
      throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(written));
    }
    out.skip((int) written);
    return (int) written;
  }

  /** Decompresses into {@code destination[0, uncompressedLength)}; the range was checked to lie in {@code in}. */
  public static void decompress(MemorySegment in, long offset, int compressedLength, byte[] destination,
      int uncompressedLength) {
    final ZstdDecompressCtx context = CONTEXTS.get();
    final int produced;
    try {
      if (in.isNative()) {
        produced = context.decompressDirectByteBufferToByteArray(destination, 0, uncompressedLength,
            in.asSlice(offset, compressedLength).asByteBuffer(), 0, compressedLength);
      } else {
        final byte[] compressed = new byte[compressedLength];
        MemorySegment.copy(in, ValueLayout.JAVA_BYTE, offset, compressed, 0, compressedLength);
        produced = context.decompressByteArray(destination, 0, uncompressedLength, compressed, 0, compressedLength);
      }
    } catch (ZstdException corrupt) {
      context.reset();
      throw new CodecException("zstd block at offset=" + offset + " length=" + compressedLength + ": "
          + corrupt.getMessage() + " (expected output bytes=" + uncompressedLength + ")");
    }
    if (produced != uncompressedLength) {
      throw new CodecException("zstd block at offset=" + offset + " length=" + compressedLength + ": output bytes="
          + produced + " but expected=" + uncompressedLength);
    }
  }
}
