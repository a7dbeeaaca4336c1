package io.nemeton.transport.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

/** Each hostile header or payload is refused with a message naming the field, the value and the limit. */
class FrameValidationTest {
  private static final FrameLimits LIMITS = new FrameLimits(4096, 256, 4, 16, 64, 128);
  private final FrameWriter writer = new FrameWriter(LIMITS);
  private final FrameHeader header = new FrameHeader(LIMITS);
  private final FrameReader reader = new FrameReader();
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);

  private String headerError(int length) {
    return assertThrows(FrameException.class, () -> header.wrap(buffer, 0, length)).getMessage();
  }

  /** Rewrites the checksum so that a deliberate change reaches the field checks behind it. */
  static void reseal(MutableDirectBuffer buffer, int offset, int length) {
    int sum = new FrameChecksum().reset()
        .update(buffer, offset, FrameLayout.CHECKSUM_OFFSET)
        .update(buffer, offset + FrameLayout.HEADER_LENGTH, length - FrameLayout.HEADER_LENGTH)
        .value();
    buffer.putInt(offset + FrameLayout.CHECKSUM_OFFSET, sum, FrameLayout.ORDER);
  }

  @Test
  void headerFields() {
    int length = writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);
    assertEquals("frame length=23 shorter than header bytes=24", headerError(23));

    buffer.putByte(0, (byte) 'X');
    assertEquals("frame magic=0x50544d58 expected=0x50544d4e", headerError(length));
    writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);

    buffer.putByte(FrameLayout.VERSION_OFFSET, (byte) 2);
    assertEquals("frame version=2 supported=1", headerError(length));
    writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);

    buffer.putByte(FrameLayout.TYPE_OFFSET, (byte) 42);
    assertEquals("frame type=42 known=1..8", headerError(length));
    writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);

    buffer.putShort(FrameLayout.FLAGS_OFFSET, (short) 1, FrameLayout.ORDER);
    assertEquals("frame type=CANCEL flags=0x1 allowed=0x0", headerError(length));
    writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);

    buffer.putInt(FrameLayout.PAYLOAD_LENGTH_OFFSET, 5000, FrameLayout.ORDER);
    assertEquals("frame CANCEL payloadLength=5000 limit=4096", headerError(length));
    buffer.putInt(FrameLayout.PAYLOAD_LENGTH_OFFSET, -1, FrameLayout.ORDER);
    assertEquals("frame CANCEL payloadLength=-1 limit=4096", headerError(length));
    buffer.putInt(FrameLayout.PAYLOAD_LENGTH_OFFSET, 3, FrameLayout.ORDER);
    assertEquals("frame CANCEL payloadLength=3 but the message carries payload bytes=0", headerError(length));
    writer.writeEmpty(buffer, 0, FrameType.CANCEL, 1);

    buffer.putLong(FrameLayout.REQUEST_ID_OFFSET, 2, FrameLayout.ORDER);
    String message = headerError(length);
    assertEquals("frame type=CANCEL requestId=2 checksum expected=", message.substring(0, message.indexOf('0')));

    buffer.putLong(FrameLayout.REQUEST_ID_OFFSET, 0, FrameLayout.ORDER);
    reseal(buffer, 0, length);
    assertEquals("frame CANCEL requestId=0 must be > 0", headerError(length));

    length = writer.writeEmpty(buffer, 0, FrameType.HEARTBEAT, 0);
    buffer.putLong(FrameLayout.REQUEST_ID_OFFSET, 7, FrameLayout.ORDER);
    reseal(buffer, 0, length);
    assertEquals("frame HEARTBEAT requestId=7 expected=0", headerError(length));
  }

  @Test
  void queryPayloadFields() {
    int length = writer.writeQuery(buffer, 0, 1, 10, new byte[] {'{', '}'}, List.of("a", "b"));
    int payload = FrameLayout.HEADER_LENGTH;

    buffer.putLong(payload, 0, FrameLayout.ORDER);
    assertEquals("frame QUERY deadlineEpochMs=0 must be > 0", queryError(length));
    buffer.putLong(payload, 10, FrameLayout.ORDER);

    buffer.putInt(payload + 8, 257, FrameLayout.ORDER);
    assertEquals("frame QUERY queryLength=257 limit=256", queryError(length));
    buffer.putInt(payload + 8, 200, FrameLayout.ORDER);
    assertEquals("frame QUERY queryLength=200 but remaining payload bytes=12", queryError(length));
    buffer.putInt(payload + 8, 2, FrameLayout.ORDER);

    int countAt = payload + 14;
    buffer.putInt(countAt, 5, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentCount=5 limit=4", queryError(length));
    buffer.putInt(countAt, 4, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentCount=4 but remaining payload bytes=6", queryError(length));
    buffer.putInt(countAt, 3, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentId[2] length needs bytes=2 but remaining payload bytes=0", queryError(length));
    buffer.putInt(countAt, 1, FrameLayout.ORDER);
    assertEquals("frame QUERY has trailing payload bytes=3", queryError(length));
    buffer.putInt(countAt, 2, FrameLayout.ORDER);

    buffer.putShort(countAt + 4, (short) 17, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentId[0] length=17 limit=16", queryError(length));
    buffer.putShort(countAt + 4, (short) 9, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentId[0] length=9 but remaining payload bytes=4", queryError(length));
    buffer.putShort(countAt + 4, (short) 0, FrameLayout.ORDER);
    assertEquals("frame QUERY segmentId[0] is empty", queryError(length));
    buffer.putShort(countAt + 4, (short) 1, FrameLayout.ORDER);

    buffer.putByte(countAt + 6, (byte) 0xC3);
    assertEquals("frame QUERY segmentId[0] is not valid UTF-8 (bytes=1)", queryError(length));
  }

  private String queryError(int length) {
    reseal(buffer, 0, length);
    return assertThrows(FrameException.class, () -> reader.readQuery(header.wrap(buffer, 0, length))).getMessage();
  }

  @Test
  void partialFlags() {
    byte[] none = new byte[0];
    int length = writer.writePartial(buffer, 0, 3, FrameLayout.FLAG_LAST | FrameLayout.FLAG_CONTINUED, 0,
        new org.agrona.concurrent.UnsafeBuffer(none), 0, 0);
    assertEquals("frame PARTIAL flags=0x3 LAST with CONTINUED",
        assertThrows(FrameException.class, () -> reader.readPartialSequence(header.wrap(buffer, 0, length)))
            .getMessage());
    int endOnly = writer.writePartial(buffer, 0, 3, FrameLayout.FLAG_END_ONLY, 0,
        new org.agrona.concurrent.UnsafeBuffer(none), 0, 0);
    assertEquals("frame PARTIAL END_ONLY needs LAST and no bytes: flags=0x4 chunk bytes=0",
        assertThrows(FrameException.class, () -> reader.readPartialSequence(header.wrap(buffer, 0, endOnly)))
            .getMessage());
    int negative = writer.writePartial(buffer, 0, 3, 0, -1, new org.agrona.concurrent.UnsafeBuffer(none), 0, 0);
    assertEquals("frame PARTIAL sequence=-1 must be >= 0",
        assertThrows(FrameException.class, () -> reader.readPartialSequence(header.wrap(buffer, 0, negative)))
            .getMessage());
  }

  @Test
  void helloChannelMustBeAnAeronChannel() {
    int length = writer.writeHello(buffer, 0, 1, 5, 100, 4096, "udp://evil", "c");
    assertEquals("frame HELLO responseChannel=udp://evil must start with aeron:",
        assertThrows(FrameException.class, () -> reader.readHello(header.wrap(buffer, 0, length))).getMessage());
  }
}
