package io.nemeton.transport.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class FrameRoundTripTest {
  private final FrameWriter writer = new FrameWriter(FrameLimits.DEFAULT);
  private final FrameHeader header = new FrameHeader(FrameLimits.DEFAULT);
  private final FrameReader reader = new FrameReader();
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);

  @Test
  void helloAndWelcome() {
    int length = writer.writeHello(buffer, 3, 77, 1002, 500, 4096, "aeron:udp?endpoint=127.0.0.1:4000", "broker-ü");
    header.wrap(buffer, 3, length);
    assertEquals(FrameType.HELLO, header.type());
    assertEquals(new HelloFrame(77, 1002, 500, 4096, "aeron:udp?endpoint=127.0.0.1:4000", "broker-ü"),
        reader.readHello(header));

    length = writer.writeWelcome(buffer, 0, 77, 65_000, 250, "historical-1");
    assertEquals(new WelcomeFrame(77, 65_000, 250, "historical-1"), reader.readWelcome(header.wrap(buffer, 0, length)));
  }

  @Test
  void query() {
    byte[] json = "{\"queryType\":\"timeseries\"}".getBytes(StandardCharsets.UTF_8);
    List<String> segments = List.of("wiki_2016-06-27T00:00:00.000Z_2016-06-28T00:00:00.000Z_v1", "s2");
    int length = writer.writeQuery(buffer, 0, 9, 1_700_000_000_000L, json, segments);
    QueryFrame frame = reader.readQuery(header.wrap(buffer, 0, length));
    assertEquals(9, frame.requestId());
    assertEquals(1_700_000_000_000L, frame.deadlineEpochMs());
    assertArrayEquals(json, frame.query());
    assertEquals(segments, frame.segmentIds());
  }

  @Test
  void queryWithoutSegments() {
    int length = writer.writeQuery(buffer, 0, 1, 5, new byte[0], List.of());
    QueryFrame frame = reader.readQuery(header.wrap(buffer, 0, length));
    assertEquals(0, frame.query().length);
    assertTrue(frame.segmentIds().isEmpty());
  }

  @Test
  void errorCutsLongTextsAtCharacterBoundaries() {
    FrameLimits small = new FrameLimits(1 << 20, 1024, 10, 64, 8, 5);
    FrameWriter smallWriter = new FrameWriter(small);
    int length = smallWriter.writeError(buffer, 0, 4, "Query timeout", "a.b.C", "ééé");
    ErrorFrame frame = reader.readError(new FrameHeader(small).wrap(buffer, 0, length));
    assertEquals(new ErrorFrame(4, "Query ti", "a.b.C", "éé"), frame);
  }

  @Test
  void partialFromPrefixAndChunkMatchesOneBuffer() {
    UnsafeBuffer chunk = new UnsafeBuffer(ByteBuffer.allocateDirect(100));
    for (int i = 0; i < 100; i++) {
      chunk.putByte(i, (byte) i);
    }
    ExpandableArrayBuffer prefix = new ExpandableArrayBuffer(FrameWriter.PARTIAL_PREFIX_LENGTH);
    writer.writePartialPrefix(prefix, 12, FrameLayout.FLAG_CONTINUED, 3, chunk, 10, 50);
    int length = writer.writePartial(buffer, 0, 12, FrameLayout.FLAG_CONTINUED, 3, chunk, 10, 50);
    assertEquals(FrameWriter.PARTIAL_PREFIX_LENGTH + 50, length);
    for (int i = 0; i < FrameWriter.PARTIAL_PREFIX_LENGTH; i++) {
      assertEquals(buffer.getByte(i), prefix.getByte(i), "byte " + i);
    }
    header.wrap(buffer, 0, length);
    assertEquals(3, reader.readPartialSequence(header));
    assertTrue(header.hasFlag(FrameLayout.FLAG_CONTINUED));
    assertFalse(header.hasFlag(FrameLayout.FLAG_LAST));
    assertEquals(50, FrameReader.partialChunkLength(header));
    assertEquals(10, buffer.getByte(FrameReader.partialChunkOffset(header)));
  }

  @Test
  void emptyFrames() {
    int length = writer.writeEmpty(buffer, 0, FrameType.CANCEL, 5);
    header.wrap(buffer, 0, length);
    reader.requireEmpty(header);
    assertEquals(FrameType.CANCEL, header.type());
    assertEquals(5, header.requestId());
    assertThrows(IllegalArgumentException.class, () -> writer.writeEmpty(buffer, 0, FrameType.QUERY, 5));
  }

  @Test
  void writerRefusesWhatThePeerWouldRefuse() {
    FrameWriter small = new FrameWriter(new FrameLimits(1 << 20, 4, 2, 3, 16, 64));
    assertEquals("query bytes=5 limit=4",
        assertThrows(IllegalArgumentException.class, () -> small.writeQuery(buffer, 0, 1, 1, new byte[5], List.of()))
            .getMessage());
    assertEquals("segment ids=3 limit=2",
        assertThrows(IllegalArgumentException.class,
            () -> small.writeQuery(buffer, 0, 1, 1, new byte[1], List.of("a", "b", "c"))).getMessage());
    assertEquals("segment id at index=1 bytes=4 limit=3",
        assertThrows(IllegalArgumentException.class,
            () -> small.writeQuery(buffer, 0, 1, 1, new byte[1], List.of("a", "abcd"))).getMessage());
  }
}
