package io.nemeton.transport.frame;

import static io.nemeton.transport.frame.FrameLayout.ORDER;

import org.agrona.DirectBuffer;

/**
 * A validating flyweight over one received frame. {@link #wrap} checks every header field against
 * the message length and the {@link FrameLimits}, then the checksum, and throws a {@link
 * FrameException} naming the field, the value and the limit; after a successful wrap the getters
 * are trustworthy.
 *
 * <p>Not thread-safe; reused frame after frame without allocating. The wrapped buffer belongs to
 * the caller and is valid only as long as the caller says (for Aeron, the fragment callback).
 */
public final class FrameHeader {
  private final FrameLimits limits;
  private final FrameChecksum checksum = new FrameChecksum();
  private DirectBuffer buffer;
  private int offset;
  private FrameType type;
  private int flags;
  private long requestId;
  private int payloadLength;

  public FrameHeader(FrameLimits limits) {
    this.limits = limits;
  }

  /**
   * Points at the frame in {@code buffer[offset, offset + length)} and validates it.
   *
   * @throws FrameException when any field is out of bounds or the checksum does not match
   */
  public FrameHeader wrap(DirectBuffer buffer, int offset, int length) {
    this.buffer = null;
    if (length < FrameLayout.HEADER_LENGTH) {
      throw FrameException.field("length", length, "shorter than header bytes=" + FrameLayout.HEADER_LENGTH);
    }
    final int magic = buffer.getInt(offset + FrameLayout.MAGIC_OFFSET, ORDER);
    if (magic != FrameLayout.MAGIC) {
      throw new FrameException(
          "frame magic=0x" + Integer.toHexString(magic) + " expected=0x" + Integer.toHexString(FrameLayout.MAGIC));
    }
    final int version = buffer.getByte(offset + FrameLayout.VERSION_OFFSET) & 0xFF;
    if (version != FrameLayout.VERSION) {
      throw FrameException.field("version", version, "supported=" + FrameLayout.VERSION);
    }
    final int code = buffer.getByte(offset + FrameLayout.TYPE_OFFSET) & 0xFF;
    final FrameType frameType = FrameType.fromCode(code);
    if (frameType == null) {
      throw FrameException.field("type", code, "known=1.." + FrameType.maxCode());
    }
    final int frameFlags = buffer.getShort(offset + FrameLayout.FLAGS_OFFSET, ORDER) & 0xFFFF;
    if ((frameFlags & ~frameType.allowedFlags()) != 0) {
      throw new FrameException("frame type=" + frameType + " flags=0x" + Integer.toHexString(frameFlags)
          + " allowed=0x" + Integer.toHexString(frameType.allowedFlags()));
    }
    final long id = buffer.getLong(offset + FrameLayout.REQUEST_ID_OFFSET, ORDER);
    final int declared = buffer.getInt(offset + FrameLayout.PAYLOAD_LENGTH_OFFSET, ORDER);
    if (declared < 0 || declared > limits.maxPayloadBytes()) {
      throw FrameException.field(frameType + " payloadLength", declared, "limit=" + limits.maxPayloadBytes());
    }
    if (declared != length - FrameLayout.HEADER_LENGTH) {
      throw FrameException.field(frameType + " payloadLength", declared,
          "but the message carries payload bytes=" + (length - FrameLayout.HEADER_LENGTH));
    }
    final int expected = buffer.getInt(offset + FrameLayout.CHECKSUM_OFFSET, ORDER);
    final int actual = checksum.reset()
        .update(buffer, offset, FrameLayout.CHECKSUM_OFFSET)
        .update(buffer, offset + FrameLayout.HEADER_LENGTH, declared)
        .value();
    if (expected != actual) {
      throw new FrameException("frame type=" + frameType + " requestId=" + id + " checksum expected=0x"
          + Integer.toHexString(expected) + " actual=0x" + Integer.toHexString(actual));
    }
    checkRequestId(frameType, id);
    this.buffer = buffer;
    this.offset = offset;
    this.type = frameType;
    this.flags = frameFlags;
    this.requestId = id;
    this.payloadLength = declared;
    return this;
  }

  private static void checkRequestId(FrameType type, long id) {
    switch (type) {
      case HEARTBEAT, GOODBYE -> {
        if (id != 0) {
          throw FrameException.field(type + " requestId", id, "expected=0");
        }
      }
      case ERROR -> {
        if (id < 0) {
          throw FrameException.field(type + " requestId", id, "must be >= 0");
        }
      }
      default -> {
        if (id <= 0) {
          throw FrameException.field(type + " requestId", id, "must be > 0");
        }
      }
    }
  }

  public DirectBuffer buffer() {
    return buffer;
  }

  public FrameType type() {
    return type;
  }

  public int flags() {
    return flags;
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  public long requestId() {
    return requestId;
  }

  /** Offset of the first payload byte in {@link #buffer()}. */
  public int payloadOffset() {
    return offset + FrameLayout.HEADER_LENGTH;
  }

  public int payloadLength() {
    return payloadLength;
  }

  public FrameLimits limits() {
    return limits;
  }
}
