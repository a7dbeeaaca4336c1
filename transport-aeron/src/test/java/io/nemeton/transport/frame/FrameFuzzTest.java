package io.nemeton.transport.frame;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the decoder: valid frames mutated (bit flips, overwritten fields, truncation,
 * growth) and then, half of the time, re-sealed with a correct checksum so that the mutation reaches
 * the payload checks. Decoding may only ever succeed or throw {@link FrameException}.
 */
class FrameFuzzTest {
  private static final FrameLimits LIMITS = new FrameLimits(8192, 1024, 16, 32, 64, 256);
  private static final int ROUNDS = 15_000;

  @Test
  void decoderOnlyThrowsFrameException() {
    long seed = System.nanoTime();
    run(seed);
  }

  @Test
  void regressionSeeds() {
    for (long seed : new long[] {1L, 42L, 0x5EEDL}) {
      run(seed);
    }
  }

  private static void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FrameWriter writer = new FrameWriter(LIMITS);
    FrameHeader header = new FrameHeader(LIMITS);
    FrameReader reader = new FrameReader();
    ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16384);
    int accepted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int length = validFrame(random, writer, buffer);
      length = mutate(random, buffer, length);
      if (random.nextBoolean() && length >= FrameLayout.HEADER_LENGTH) {
        FrameValidationTest.reseal(buffer, 0, length);
      }
      try {
        decode(header.wrap(buffer, 0, length), reader);
        accepted++;
      } catch (FrameException expected) {
        // the only failure allowed
      } catch (RuntimeException | Error unexpected) {
        AssertionError error = new AssertionError("seed=" + seed + " round=" + round + ": " + unexpected, unexpected);
        throw error;
      }
    }
    if (accepted == ROUNDS) {
      fail("seed=" + seed + ": no mutation was refused, the fuzzer is not mutating");
    }
  }

  static void decode(FrameHeader header, FrameReader reader) {
    switch (header.type()) {
      case HELLO -> reader.readHello(header);
      case WELCOME -> reader.readWelcome(header);
      case QUERY -> reader.readQuery(header);
      case PARTIAL -> reader.readPartialSequence(header);
      case ERROR -> reader.readError(header);
      case CANCEL, HEARTBEAT, GOODBYE -> reader.requireEmpty(header);
    }
  }

  private static int validFrame(SplittableRandom random, FrameWriter writer, ExpandableArrayBuffer buffer) {
    long id = 1 + random.nextInt(1000);
    return switch (random.nextInt(6)) {
      case 0 -> writer.writeHello(buffer, 0, id, random.nextInt(), 1 + random.nextInt(100), 5 + random.nextInt(1000), "aeron:ipc", text(random, 10));
      case 1 -> writer.writeWelcome(buffer, 0, id, 100 + random.nextInt(1000), 1 + random.nextInt(100), text(random, 10));
      case 2 -> {
        List<String> segments = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          segments.add("s" + text(random, 8));
        }
        byte[] query = new byte[random.nextInt(40)];
        random.nextBytes(query);
        yield writer.writeQuery(buffer, 0, id, 1 + random.nextLong(1L << 50), query, segments);
      }
      case 3 -> {
        byte[] chunk = new byte[random.nextInt(64)];
        random.nextBytes(chunk);
        int flags = random.nextBoolean() ? FrameLayout.FLAG_LAST : FrameLayout.FLAG_CONTINUED;
        yield writer.writePartial(buffer, 0, id, flags, random.nextInt(100), new UnsafeBuffer(chunk), 0, chunk.length);
      }
      case 4 -> writer.writeError(buffer, 0, id, "Query timeout", "x.Y", text(random, 50));
      default -> writer.writeEmpty(buffer, 0, FrameType.CANCEL, id);
    };
  }

  private static String text(SplittableRandom random, int maxChars) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxChars + 1); i > 0; i--) {
      text.append(random.nextInt(8) == 0 ? (char) (0x80 + random.nextInt(0x700)) : (char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private static int mutate(SplittableRandom random, ExpandableArrayBuffer buffer, int length) {
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      switch (random.nextInt(6)) {
        case 0 -> { // flip one bit
          if (length > 0) {
            int at = random.nextInt(length);
            buffer.putByte(at, (byte) (buffer.getByte(at) ^ (1 << random.nextInt(8))));
          }
        }
        case 1 -> { // overwrite an int with a hostile value
          if (length >= 4) {
            int[] hostile = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, 0xFFFF, 65536, random.nextInt()};
            buffer.putInt(random.nextInt(length - 3), hostile[random.nextInt(hostile.length)], FrameLayout.ORDER);
          }
        }
        case 2 -> length = random.nextInt(length + 1); // truncate
        case 3 -> { // grow with random bytes
          int extra = random.nextInt(32);
          for (int j = 0; j < extra; j++) {
            buffer.putByte(length + j, (byte) random.nextInt(256));
          }
          length += extra;
        }
        case 4 -> { // fix the declared payload length to the real one, so deeper checks run
          if (length >= FrameLayout.HEADER_LENGTH) {
            buffer.putInt(FrameLayout.PAYLOAD_LENGTH_OFFSET, length - FrameLayout.HEADER_LENGTH, FrameLayout.ORDER);
          }
        }
        default -> { // random type code
          if (length > FrameLayout.TYPE_OFFSET) {
            buffer.putByte(FrameLayout.TYPE_OFFSET, (byte) random.nextInt(10));
          }
        }
      }
    }
    return length;
  }
}
