package io.nemeton.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable on-heap byte array written little-endian, used by writers to build encoded blocks and
 * regions before they go to a file.
 *
 * <p>Not thread-safe. {@link #array()} returns the live backing array, valid until the next write.
 */
public final class GrowableBytes {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int size;

  public GrowableBytes() {
    this(256);
  }

  public GrowableBytes(int initialCapacityBytes) {
    bytes = new byte[Math.max(16, initialCapacityBytes)];
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** The live backing array; bytes {@code [0, size())} are valid. */
  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public void clear() {
    size = 0;
  }

  /** Makes room for {@code extraBytes} more bytes. */
  public void ensureCapacity(int extraBytes) {
    long needed = (long) size + extraBytes;
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("buffer would exceed 2 GiB: size=" + size + " extra=" + extraBytes);
      }
      long grown = Math.max(needed, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 16));
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }

  /** Advances the size by {@code count} bytes without writing (caller fills them via {@link #array()}). */
  public int skip(int count) {
    ensureCapacity(count);
    int at = size;
    size += count;
    return at;
  }

  public void writeByte(int value) {
    ensureCapacity(1);
    bytes[size++] = (byte) value;
  }

  public void writeShort(int value) {
    ensureCapacity(2);
    SHORT.set(bytes, size, (short) value);
    size += 2;
  }

  public void writeInt(int value) {
    ensureCapacity(4);
    INT.set(bytes, size, value);
    size += 4;
  }

  public void writeLong(long value) {
    ensureCapacity(8);
    LONG.set(bytes, size, value);
    size += 8;
  }

  public void writeFloat(float value) {
    writeInt(Float.floatToRawIntBits(value));
  }

  public void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  /** Writes an unsigned LEB128 varint. */
  public void writeVarInt(int value) {
    ensureCapacity(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  public void write(byte[] source) {
    write(source, 0, source.length);
  }

  public void write(byte[] source, int offset, int length) {
    ensureCapacity(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  public void write(GrowableBytes other) {
    write(other.bytes, 0, other.size);
  }

  /** Copies {@code length} bytes from {@code source} at {@code offset}. */
  public void write(MemorySegment source, long offset, int length) {
    ensureCapacity(length);
    MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, bytes, size, length);
    size += length;
  }

  public void setInt(int at, int value) {
    INT.set(bytes, at, value);
  }

  public void setLong(int at, long value) {
    LONG.set(bytes, at, value);
  }

  /** Pads with zero bytes until {@code size() % alignment == 0}. */
  public void alignTo(int alignment) {
    int pad = (alignment - (size % alignment)) % alignment;
    ensureCapacity(pad);
    Arrays.fill(bytes, size, size + pad, (byte) 0);
    size += pad;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** A heap segment view of the written bytes, valid until the next write. */
  public MemorySegment asSegment() {
    return MemorySegment.ofArray(bytes).asSlice(0, size);
  }
}
