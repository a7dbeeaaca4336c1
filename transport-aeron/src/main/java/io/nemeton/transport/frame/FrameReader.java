package io.nemeton.transport.frame;

import static io.nemeton.transport.frame.FrameLayout.ORDER;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Decodes the payload of a frame already validated by {@link FrameHeader#wrap}. Every length is
 * checked against the payload's end and the {@link FrameLimits} before it is used; strings must be
 * valid UTF-8; a payload must be consumed exactly. Failures are {@link FrameException}s.
 *
 * <p>Not thread-safe (keeps a UTF-8 decoder). Decoded records own their data; PARTIAL accessors
 * return positions inside the header's buffer, valid as long as that buffer is.
 */
public final class FrameReader {
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private DirectBuffer buffer;
  private FrameType type;
  private int position;
  private int end;

  public HelloFrame readHello(FrameHeader header) {
    start(header, FrameType.HELLO);
    final int streamId = readInt("responseStreamId");
    final int heartbeatMs = readInt("heartbeatIntervalMs");
    if (heartbeatMs <= 0) {
      throw FrameException.field("HELLO heartbeatIntervalMs", heartbeatMs, "must be > 0");
    }
    final int maxPayload = readInt("maxPayloadBytes");
    if (maxPayload <= FrameLayout.PARTIAL_SEQUENCE_LENGTH) {
      throw FrameException.field("HELLO maxPayloadBytes", maxPayload, "must be > " + FrameLayout.PARTIAL_SEQUENCE_LENGTH);
    }
    final String channel = readShortString("responseChannel", header.limits().maxNameBytes());
    if (!channel.startsWith("aeron:")) {
      throw new FrameException("frame HELLO responseChannel=" + channel + " must start with aeron:");
    }
    final String name = readShortString("clientName", header.limits().maxNameBytes());
    finish();
    return new HelloFrame(header.requestId(), streamId, heartbeatMs, maxPayload, channel, name);
  }

  public WelcomeFrame readWelcome(FrameHeader header) {
    start(header, FrameType.WELCOME);
    final int maxPayload = readInt("maxPayloadBytes");
    if (maxPayload <= FrameLayout.PARTIAL_SEQUENCE_LENGTH) {
      throw FrameException.field("WELCOME maxPayloadBytes", maxPayload, "must be > " + FrameLayout.PARTIAL_SEQUENCE_LENGTH);
    }
    final int heartbeatMs = readInt("heartbeatIntervalMs");
    if (heartbeatMs <= 0) {
      throw FrameException.field("WELCOME heartbeatIntervalMs", heartbeatMs, "must be > 0");
    }
    final String name = readShortString("serverName", header.limits().maxNameBytes());
    finish();
    return new WelcomeFrame(header.requestId(), maxPayload, heartbeatMs, name);
  }

  public QueryFrame readQuery(FrameHeader header) {
    start(header, FrameType.QUERY);
    final FrameLimits limits = header.limits();
    final long deadline = readLong("deadlineEpochMs");
    if (deadline <= 0) {
      throw FrameException.field("QUERY deadlineEpochMs", deadline, "must be > 0");
    }
    final int queryLength = readLength("queryLength", limits.maxQueryBytes());
    final byte[] query = new byte[queryLength];
    buffer.getBytes(position, query);
    position += queryLength;
    final int count = readCount("segmentCount", limits.maxSegments());
    // Each id takes at least its 2-byte length: refuse a count the payload cannot hold before allocating.
    if ((long) count * 2 > end - position) {
      throw FrameException.field("QUERY segmentCount", count, "but remaining payload bytes=" + (end - position));
    }
    final List<String> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final String id = readShortString("segmentId[" + i + "]", limits.maxSegmentIdBytes());
      if (id.isEmpty()) {
        throw new FrameException("frame QUERY segmentId[" + i + "] is empty");
      }
      segments.add(id);
    }
    finish();
    return new QueryFrame(header.requestId(), deadline, query, Collections.unmodifiableList(segments));
  }

  public ErrorFrame readError(FrameHeader header) {
    start(header, FrameType.ERROR);
    final FrameLimits limits = header.limits();
    final String code = readShortString("errorCode", limits.maxNameBytes());
    final String errorClass = readShortString("errorClass", limits.maxNameBytes());
    final int length = readLength("messageLength", limits.maxErrorMessageBytes());
    final String message = readUtf8("message", length);
    finish();
    return new ErrorFrame(header.requestId(), code, errorClass, message);
  }

  /** PARTIAL: the frame's sequence number within its request (checked to be >= 0). */
  public int readPartialSequence(FrameHeader header) {
    start(header, FrameType.PARTIAL);
    final int sequence = readInt("sequence");
    if (sequence < 0) {
      throw FrameException.field("PARTIAL sequence", sequence, "must be >= 0");
    }
    final boolean last = header.hasFlag(FrameLayout.FLAG_LAST);
    final boolean continued = header.hasFlag(FrameLayout.FLAG_CONTINUED);
    final boolean endOnly = header.hasFlag(FrameLayout.FLAG_END_ONLY);
    if (last && continued) {
      throw new FrameException("frame PARTIAL flags=0x" + Integer.toHexString(header.flags()) + " LAST with CONTINUED");
    }
    if (endOnly && (!last || end != position)) {
      throw new FrameException("frame PARTIAL END_ONLY needs LAST and no bytes: flags=0x"
          + Integer.toHexString(header.flags()) + " chunk bytes=" + (end - position));
    }
    return sequence;
  }

  /** PARTIAL: offset of the result chunk in the header's buffer. */
  public static int partialChunkOffset(FrameHeader header) {
    return header.payloadOffset() + FrameLayout.PARTIAL_SEQUENCE_LENGTH;
  }

  /** PARTIAL: bytes of the result chunk. */
  public static int partialChunkLength(FrameHeader header) {
    return header.payloadLength() - FrameLayout.PARTIAL_SEQUENCE_LENGTH;
  }

  /** CANCEL, HEARTBEAT, GOODBYE: the payload must be empty. */
  public void requireEmpty(FrameHeader header) {
    if (header.payloadLength() != 0) {
      throw FrameException.field(header.type() + " payloadLength", header.payloadLength(), "expected=0");
    }
  }

  private void start(FrameHeader header, FrameType expected) {
    if (header.type() != expected) {
      throw new IllegalStateException("frame type=" + header.type() + " read as " + expected);
    }
    buffer = header.buffer();
    type = expected;
    position = header.payloadOffset();
    end = position + header.payloadLength();
  }

  private void need(String field, int bytes) {
    if (end - position < bytes) {
      throw new FrameException("frame " + type + " " + field + " needs bytes=" + bytes
          + " but remaining payload bytes=" + (end - position));
    }
  }

  private int readInt(String field) {
    need(field, 4);
    final int value = buffer.getInt(position, ORDER);
    position += 4;
    return value;
  }

  private long readLong(String field) {
    need(field, 8);
    final long value = buffer.getLong(position, ORDER);
    position += 8;
    return value;
  }

  /** An int32 count in {@code [0, limit]}. */
  private int readCount(String field, int limit) {
    final int count = readInt(field);
    if (count < 0 || count > limit) {
      throw FrameException.field(type + " " + field, count, "limit=" + limit);
    }
    return count;
  }

  /** An int32 byte length in {@code [0, limit]} that the remaining payload can hold. */
  private int readLength(String field, int limit) {
    final int length = readCount(field, limit);
    if (length > end - position) {
      throw FrameException.field(type + " " + field, length, "but remaining payload bytes=" + (end - position));
    }
    return length;
  }

  private String readShortString(String field, int limit) {
    need(field + " length", 2);
    final int length = buffer.getShort(position, ORDER) & 0xFFFF;
    position += 2;
    if (length > limit) {
      throw FrameException.field(type + " " + field + " length", length, "limit=" + limit);
    }
    if (length > end - position) {
      throw FrameException.field(type + " " + field + " length", length, "but remaining payload bytes=" + (end - position));
    }
    return readUtf8(field, length);
  }

  private String readUtf8(String field, int length) {
    final byte[] bytes = new byte[length];
    buffer.getBytes(position, bytes);
    position += length;
    try {
      return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new FrameException("frame " + type + " " + field + " is not valid UTF-8 (bytes=" + length + ")");
    }
  }

  private void finish() {
    if (position != end) {
      throw new FrameException("frame " + type + " has trailing payload bytes=" + (end - position));
    }
  }
}
