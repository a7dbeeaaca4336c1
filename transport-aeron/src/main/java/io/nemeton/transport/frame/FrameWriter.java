package io.nemeton.transport.frame;

import static io.nemeton.transport.frame.FrameLayout.ORDER;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes frames into a caller's buffer (use a growable one such as Agrona's {@code
 * ExpandableArrayBuffer}, or one with room for the frame) and seals each with its checksum. Values
 * the peer would refuse are refused here first with an {@link IllegalArgumentException} naming the
 * value and the limit; error texts too long for the limits are cut to fit instead, so that a failure
 * can always be reported.
 *
 * <p>Not thread-safe (keeps a checksum); one per sending thread. Allocates only for string encoding.
 */
public final class FrameWriter {
  private final FrameLimits limits;
  private final FrameChecksum checksum = new FrameChecksum();

  public FrameWriter(FrameLimits limits) {
    this.limits = limits;
  }

  public FrameLimits limits() {
    return limits;
  }

  /** HELLO; returns the frame length. */
  public int writeHello(MutableDirectBuffer buffer, int offset, long connectionId, int responseStreamId,
      int heartbeatIntervalMs, int maxPayloadBytes, String responseChannel, String clientName) {
    int position = offset + FrameLayout.HEADER_LENGTH;
    buffer.putInt(position, responseStreamId, ORDER);
    buffer.putInt(position + 4, heartbeatIntervalMs, ORDER);
    buffer.putInt(position + 8, maxPayloadBytes, ORDER);
    position = putShortString(buffer, position + 12, "responseChannel", responseChannel, false);
    position = putShortString(buffer, position, "clientName", clientName, false);
    return seal(buffer, offset, FrameType.HELLO, 0, connectionId, position);
  }

  /** WELCOME; returns the frame length. */
  public int writeWelcome(MutableDirectBuffer buffer, int offset, long connectionId, int maxPayloadBytes,
      int heartbeatIntervalMs, String serverName) {
    int position = offset + FrameLayout.HEADER_LENGTH;
    buffer.putInt(position, maxPayloadBytes, ORDER);
    buffer.putInt(position + 4, heartbeatIntervalMs, ORDER);
    position = putShortString(buffer, position + 8, "serverName", serverName, false);
    return seal(buffer, offset, FrameType.WELCOME, 0, connectionId, position);
  }

  /** QUERY; returns the frame length. */
  public int writeQuery(MutableDirectBuffer buffer, int offset, long requestId, long deadlineEpochMs, byte[] query,
      List<String> segmentIds) {
    if (query.length > limits.maxQueryBytes()) {
      throw new IllegalArgumentException("query bytes=" + query.length + " limit=" + limits.maxQueryBytes());
    }
    if (segmentIds.size() > limits.maxSegments()) {
      throw new IllegalArgumentException("segment ids=" + segmentIds.size() + " limit=" + limits.maxSegments());
    }
    int position = offset + FrameLayout.HEADER_LENGTH;
    buffer.putLong(position, deadlineEpochMs, ORDER);
    buffer.putInt(position + 8, query.length, ORDER);
    buffer.putBytes(position + 12, query);
    position += 12 + query.length;
    buffer.putInt(position, segmentIds.size(), ORDER);
    position += 4;
    for (int i = 0, n = segmentIds.size(); i < n; i++) {
      final String id = segmentIds.get(i);
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("segment id at index=" + i + " is " + (id == null ? "null" : "empty"));
      }
      position = putBytes16(buffer, position, "segment id at index=" + i, id.getBytes(StandardCharsets.UTF_8),
          limits.maxSegmentIdBytes());
    }
    return seal(buffer, offset, FrameType.QUERY, 0, requestId, position);
  }

  /** ERROR; texts longer than the limits are cut at a character boundary. Returns the frame length. */
  public int writeError(MutableDirectBuffer buffer, int offset, long requestId, String errorCode, String errorClass,
      String message) {
    int position = offset + FrameLayout.HEADER_LENGTH;
    position = putShortString(buffer, position, "errorCode", errorCode, true);
    position = putShortString(buffer, position, "errorClass", errorClass, true);
    final byte[] text = cut(String.valueOf(message), limits.maxErrorMessageBytes());
    buffer.putInt(position, text.length, ORDER);
    buffer.putBytes(position + 4, text);
    position += 4 + text.length;
    return seal(buffer, offset, FrameType.ERROR, 0, requestId, position);
  }

  /** CANCEL (with a request id), HEARTBEAT or GOODBYE (request id 0); returns the frame length. */
  public int writeEmpty(MutableDirectBuffer buffer, int offset, FrameType type, long requestId) {
    if (type != FrameType.CANCEL && type != FrameType.HEARTBEAT && type != FrameType.GOODBYE) {
      throw new IllegalArgumentException("frame type=" + type + " has a payload");
    }
    return seal(buffer, offset, type, 0, requestId, offset + FrameLayout.HEADER_LENGTH);
  }

  /**
   * The first {@link #PARTIAL_PREFIX_LENGTH} bytes of a PARTIAL frame (header and sequence) into
   * {@code prefix[0, 28)}, sealed with the checksum of the whole frame, so that the chunk can be
   * sent from where it lies without being copied (Aeron's two-buffer offer).
   */
  public int writePartialPrefix(MutableDirectBuffer prefix, long requestId, int flags, int sequence, DirectBuffer chunk,
      int chunkOffset, int chunkLength) {
    writeHeader(prefix, 0, FrameType.PARTIAL, flags, requestId, FrameLayout.PARTIAL_SEQUENCE_LENGTH + chunkLength);
    prefix.putInt(FrameLayout.HEADER_LENGTH, sequence, ORDER);
    final int sum = checksum.reset()
        .update(prefix, 0, FrameLayout.CHECKSUM_OFFSET)
        .update(prefix, FrameLayout.HEADER_LENGTH, FrameLayout.PARTIAL_SEQUENCE_LENGTH)
        .update(chunk, chunkOffset, chunkLength)
        .value();
    prefix.putInt(FrameLayout.CHECKSUM_OFFSET, sum, ORDER);
    return PARTIAL_PREFIX_LENGTH;
  }

  /** A whole PARTIAL frame in one buffer; returns the frame length. */
  public int writePartial(MutableDirectBuffer buffer, int offset, long requestId, int flags, int sequence,
      DirectBuffer chunk, int chunkOffset, int chunkLength) {
    final int position = offset + FrameLayout.HEADER_LENGTH;
    buffer.putInt(position, sequence, ORDER);
    buffer.putBytes(position + FrameLayout.PARTIAL_SEQUENCE_LENGTH, chunk, chunkOffset, chunkLength);
    return seal(buffer, offset, FrameType.PARTIAL, flags, requestId,
        position + FrameLayout.PARTIAL_SEQUENCE_LENGTH + chunkLength);
  }

  /** Header and sequence bytes that precede a PARTIAL chunk. */
  public static final int PARTIAL_PREFIX_LENGTH = FrameLayout.HEADER_LENGTH + FrameLayout.PARTIAL_SEQUENCE_LENGTH;

  private int seal(MutableDirectBuffer buffer, int offset, FrameType type, int flags, long requestId, int end) {
    final int payloadLength = end - offset - FrameLayout.HEADER_LENGTH;
    if (payloadLength > limits.maxPayloadBytes()) {
      throw new IllegalArgumentException(
          "frame type=" + type + " payload bytes=" + payloadLength + " limit=" + limits.maxPayloadBytes());
    }
    writeHeader(buffer, offset, type, flags, requestId, payloadLength);
    final int sum = checksum.reset()
        .update(buffer, offset, FrameLayout.CHECKSUM_OFFSET)
        .update(buffer, offset + FrameLayout.HEADER_LENGTH, payloadLength)
        .value();
    buffer.putInt(offset + FrameLayout.CHECKSUM_OFFSET, sum, ORDER);
    return end - offset;
  }

  private static void writeHeader(MutableDirectBuffer buffer, int offset, FrameType type, int flags, long requestId,
      int payloadLength) {
    buffer.putInt(offset + FrameLayout.MAGIC_OFFSET, FrameLayout.MAGIC, ORDER);
    buffer.putByte(offset + FrameLayout.VERSION_OFFSET, (byte) FrameLayout.VERSION);
    buffer.putByte(offset + FrameLayout.TYPE_OFFSET, (byte) type.code());
    buffer.putShort(offset + FrameLayout.FLAGS_OFFSET, (short) flags, ORDER);
    buffer.putLong(offset + FrameLayout.REQUEST_ID_OFFSET, requestId, ORDER);
    buffer.putInt(offset + FrameLayout.PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
  }

  private int putShortString(MutableDirectBuffer buffer, int position, String field, String value, boolean cutToFit) {
    final byte[] bytes = cutToFit
        ? cut(String.valueOf(value), limits.maxNameBytes())
        : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    return putBytes16(buffer, position, field, bytes, limits.maxNameBytes());
  }

  private static int putBytes16(MutableDirectBuffer buffer, int position, String field, byte[] bytes, int limit) {
    if (bytes.length > limit) {
      throw new IllegalArgumentException(field + " bytes=" + bytes.length + " limit=" + limit);
    }
    buffer.putShort(position, (short) bytes.length, ORDER);
    buffer.putBytes(position + 2, bytes);
    return position + 2 + bytes.length;
  }

  /** UTF-8 of {@code text}, cut to at most {@code limit} bytes without splitting a character. */
  static byte[] cut(String text, int limit) {
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= limit) {
      return bytes;
    }
    int end = limit;
    // Step back over continuation bytes (10xxxxxx) to the start of the character that does not fit.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return java.util.Arrays.copyOf(bytes, end);
  }
}
