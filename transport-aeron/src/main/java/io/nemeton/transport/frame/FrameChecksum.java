package io.nemeton.transport.frame;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

/**
 * CRC32C (hardware-accelerated by the JDK) over regions of Agrona buffers, whatever backs them: a
 * heap array, a (mapped) {@link ByteBuffer}, or a raw address.
 *
 * <p>Not thread-safe: one instance per thread. It keeps the last {@code ByteBuffer} view it made so
 * that Aeron's term buffers, which are reused for the life of a stream, cost no allocation per frame.
 */
public final class FrameChecksum {
  private final CRC32C crc = new CRC32C();
  private ByteBuffer lastSource;
  private ByteBuffer lastView;

  /** Starts a new checksum. */
  public FrameChecksum reset() {
    crc.reset();
    return this;
  }

  /** Adds bytes {@code [offset, offset + length)} of {@code buffer}. */
  public FrameChecksum update(DirectBuffer buffer, int offset, int length) {
    if (length == 0) {
      return this;
    }
    final byte[] array = buffer.byteArray();
    if (array != null) {
      final long base = buffer.addressOffset() - BufferUtil.ARRAY_BASE_OFFSET;
      crc.update(array, (int) base + offset, length);
      return this;
    }
    final ByteBuffer source = buffer.byteBuffer();
    if (source != null) {
      if (source != lastSource) {
        lastSource = source;
        lastView = source.duplicate();
      }
      // wrapAdjustment: where the Agrona buffer starts inside the ByteBuffer it wraps.
      final int start = buffer.wrapAdjustment() + offset;
      lastView.limit(start + length).position(start);
      crc.update(lastView);
      return this;
    }
    crc.update(MemorySegment.ofAddress(buffer.addressOffset() + offset).reinterpret(length).asByteBuffer());
    return this;
  }

  /** The checksum of everything added since {@link #reset()}. */
  public int value() {
    return (int) crc.getValue();
  }
}
