package io.nemeton.transport;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.nemeton.transport.frame.FrameHeader;
import io.nemeton.transport.frame.FrameLimits;
import io.nemeton.transport.frame.FrameType;
import io.nemeton.transport.frame.FrameWriter;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A hand-driven protocol peer for tests: raw Aeron streams and the frame codec, so that a test can
 * send what a well-behaved client or server never would, or stop answering.
 */
final class RawPeer implements AutoCloseable {
  final Aeron aeron;
  final Subscription inbound;
  ExclusivePublication outbound;
  final FrameWriter writer = new FrameWriter(FrameLimits.DEFAULT);
  final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
  private final ArrayDeque<byte[]> received = new ArrayDeque<>();
  private final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) -> {
    byte[] copy = new byte[length];
    buffer.getBytes(offset, copy);
    received.add(copy);
  });

  RawPeer(String aeronDirectory, String inboundChannel, int inboundStream) {
    aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectory));
    inbound = aeron.addSubscription(inboundChannel, inboundStream);
  }

  void openOutbound(String channel, int streamId) {
    outbound = aeron.addExclusivePublication(channel, streamId);
    FailureTest.awaitCondition(outbound::isConnected);
  }

  void send(DirectBuffer frame, int offset, int length) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (outbound.offer(frame, offset, length) < 0) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("raw peer could not send within 10 s");
      }
      LockSupport.parkNanos(100_000);
    }
  }

  void send(int length) {
    send(buffer, 0, length);
  }

  void sendBytes(byte[] bytes) {
    send(new UnsafeBuffer(bytes), 0, bytes.length);
  }

  /** The next frame that is not a HEARTBEAT, validated; waits up to 10 s. */
  FrameHeader next(FrameHeader header) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      inbound.poll(assembler, 10);
      byte[] frame = received.poll();
      if (frame != null) {
        header.wrap(new UnsafeBuffer(frame), 0, frame.length);
        if (header.type() != FrameType.HEARTBEAT) {
          return header;
        }
      } else if (System.nanoTime() > giveUp) {
        throw new AssertionError("no frame within 10 s");
      } else {
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  @Override
  public void close() {
    aeron.close();
  }
}
