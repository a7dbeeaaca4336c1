package io.nemeton.transport;

import static io.nemeton.transport.TransportHarness.deadlineInMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.transport.frame.ErrorFrame;
import io.nemeton.transport.frame.FrameHeader;
import io.nemeton.transport.frame.FrameLayout;
import io.nemeton.transport.frame.FrameLimits;
import io.nemeton.transport.frame.FrameReader;
import io.nemeton.transport.frame.FrameType;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Garbage and malformed frames are answered or logged, and the server keeps serving everyone else. */
@Timeout(60)
class HostileInputTest {
  private static final int RAW_STREAM = 3001;

  @TempDir Path temp;

  @Test
  void serverAnswersBadFramesAndKeepsServing() throws Exception {
    FrameLimits serverLimits = new FrameLimits(1 << 20, 4096, 4, 64, 1024, 4096);
    try (TransportHarness harness = new TransportHarness(temp, TransportHarness.Transport.IPC,
            (request, sink) -> sink.sendLast(request.query()), config -> config.withLimits(serverLimits), c -> c);
        RawPeer peer = new RawPeer(harness.driver.directory(), "aeron:ipc", RAW_STREAM)) {
      FrameHeader header = new FrameHeader(FrameLimits.DEFAULT);
      FrameReader reader = new FrameReader();
      peer.openOutbound(harness.server.channel(), TransportHarness.SERVER_STREAM);

      // Noise before any HELLO: counted and logged; there is nobody to answer.
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 20; i++) {
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        peer.sendBytes(noise);
      }
      FailureTest.awaitCondition(() -> harness.server.stats().framesRejected() >= 20);

      peer.send(peer.writer.writeHello(peer.buffer, 0, 9, RAW_STREAM, 1000, 1 << 20, "aeron:ipc", "raw"));
      assertEquals(FrameType.WELCOME, peer.next(header).type());

      // A QUERY whose checksum is wrong: the request id cannot be trusted, so the answer is for the connection.
      int length = peer.writer.writeQuery(peer.buffer, 0, 5, deadlineInMs(10_000), new byte[] {'{', '}'}, List.of("a"));
      peer.buffer.putByte(length - 1, (byte) 'b');
      peer.send(length);
      ErrorFrame checksum = reader.readError(peer.next(header));
      assertEquals(0, checksum.requestId());
      assertEquals(QueryErrorCodes.UNKNOWN_EXCEPTION, checksum.errorCode());
      assertEquals("io.nemeton.transport.frame.FrameException", checksum.errorClass());
      assertTrue(checksum.message().startsWith("frame type=QUERY requestId=5 checksum expected=0x"), checksum.message());

      // A sound frame whose payload breaks a limit: answered for that request, naming field, value and limit.
      length = peer.writer.writeQuery(peer.buffer, 0, 6, deadlineInMs(10_000), new byte[] {'{', '}'},
          List.of("a", "b", "c", "d", "e"));
      peer.send(length);
      ErrorFrame tooMany = reader.readError(peer.next(header));
      assertEquals(6, tooMany.requestId());
      assertEquals("frame QUERY segmentCount=5 limit=4", tooMany.message());

      // A frame type a server never accepts.
      peer.send(peer.writer.writePartial(peer.buffer, 0, 7, FrameLayout.FLAG_LAST, 0, peer.buffer, 0, 0));
      assertEquals("frame type=PARTIAL is not accepted by a server", reader.readError(peer.next(header)).message());

      // The raw peer's connection still works for a good query, and so does the regular client.
      peer.send(peer.writer.writeQuery(peer.buffer, 0, 8, deadlineInMs(10_000), new byte[] {'o', 'k'}, List.of()));
      FrameHeader answer = peer.next(header);
      assertEquals(FrameType.PARTIAL, answer.type());
      assertEquals(8, answer.requestId());
      List<byte[]> results = harness.connection.send(new byte[] {'h', 'i'}, List.of(), deadlineInMs(10_000))
          .get(10, TimeUnit.SECONDS);
      assertEquals("hi", new String(results.get(0)));
      assertEquals(23, harness.server.stats().framesRejected());
    }
  }
}
