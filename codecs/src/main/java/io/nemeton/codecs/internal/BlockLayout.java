package io.nemeton.codecs.internal;

import io.nemeton.codecs.BlockEncoding;
import io.nemeton.codecs.CodecException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The header every value block starts with, and the checks a decoder runs before it trusts a block.
 *
 * <pre>
 *   offset 0  u8   encoding id ({@link BlockEncoding})
 *   offset 1  i32  value count, 0..65536
 *   offset 5  ...  encoding body
 * </pre>
 *
 * All multi-byte fields are little-endian. Stateless and thread-safe; allocates only when it throws.
 */
public final class BlockLayout {
  public static final int ENCODING_OFFSET = 0;
  public static final int COUNT_OFFSET = 1;
  public static final int HEADER_BYTES = 5;
  /** The largest block a codec writes or accepts. */
  public static final int MAX_VALUES = 65536;

  public static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfFloat FLOAT =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfDouble DOUBLE =
      ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private BlockLayout() {}

  /**
   * Reads and checks the encoding byte of the block at {@code offset}.
   *
   * @param kind names the block type in errors, e.g. "long block"
   * @throws CodecException when the header lies outside {@code in} or the id is unknown
   */
  public static BlockEncoding encoding(MemorySegment in, long offset, String kind) {
    if (offset < 0 || offset > in.byteSize() - HEADER_BYTES) {
      throw new CodecException(kind + " at offset=" + offset + ": header needs bytes=" + HEADER_BYTES
          + " but segment size=" + in.byteSize());
    }
    int id = Byte.toUnsignedInt(in.get(BYTE, offset + ENCODING_OFFSET));
    if (id > BlockEncoding.DECIMAL.id()) {
      throw new CodecException(kind + " at offset=" + offset + ": unknown encoding id=" + id
          + " (largest known=" + BlockEncoding.DECIMAL.id() + ")");
    }
    return BlockEncoding.fromId(id);
  }

  /**
   * Reads and checks the value count of a block whose header {@link #encoding} accepted.
   *
   * @throws CodecException when the count is negative or above {@link #MAX_VALUES}
   */
  public static int count(MemorySegment in, long offset, BlockEncoding encoding, String kind) {
    int count = in.get(INT, offset + COUNT_OFFSET);
    if (count < 0 || count > MAX_VALUES) {
      throw new CodecException(kind + " at offset=" + offset + " encoding=" + encoding + ": value count=" + count
          + " outside 0.." + MAX_VALUES);
    }
    return count;
  }

  /**
   * Checks that the block's {@code lengthBytes} (header included) lie inside {@code in}.
   *
   * @throws CodecException naming the needed length and the segment size
   */
  public static void requireLength(MemorySegment in, long offset, long lengthBytes, BlockEncoding encoding,
      String kind) {
    if (lengthBytes > in.byteSize() - offset) {
      throw new CodecException(kind + " at offset=" + offset + " encoding=" + encoding + ": block needs bytes="
          + lengthBytes + " but segment has bytes=" + (in.byteSize() - offset) + " from offset (size="
          + in.byteSize() + ")");
    }
  }

  /** Throws when a decoded block would not fit the caller's array. */
  public static void requireDestination(int count, int destinationLength, long offset, BlockEncoding encoding,
      String kind) {
    if (count > destinationLength) {
      throw new CodecException(kind + " at offset=" + offset + " encoding=" + encoding + ": value count=" + count
          + " exceeds destination length=" + destinationLength);
    }
  }

  /** Throws when a bit width read from a block is above {@code maxWidth}. */
  public static void requireWidth(int width, int maxWidth, long offset, BlockEncoding encoding, String kind) {
    if (width > maxWidth) {
      throw new CodecException(kind + " at offset=" + offset + " encoding=" + encoding + ": bit width=" + width
          + " exceeds limit=" + maxWidth);
    }
  }

  /** Throws an encoding id that is valid in general but not for this value type. */
  public static CodecException notValidFor(BlockEncoding encoding, long offset, String kind, String valid) {
    return new CodecException(kind + " at offset=" + offset + ": encoding=" + encoding + " (id=" + encoding.id()
        + ") is not valid here (valid: " + valid + ")");
  }
}
