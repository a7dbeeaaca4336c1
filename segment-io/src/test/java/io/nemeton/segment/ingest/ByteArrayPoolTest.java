package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sizes, best fit, the caller's limit and the bound on what is kept. */
class ByteArrayPoolTest {
  @BeforeEach
  @AfterEach
  void forget() {
    ByteArrayPool.clear();
  }

  @Test
  void newArraysAreRoundedUp() {
    assertEquals(4096, ByteArrayPool.rounded(1));
    assertEquals(4096, ByteArrayPool.rounded(4096));
    assertEquals(8192, ByteArrayPool.rounded(4097));
    assertEquals(1 << 20, ByteArrayPool.rounded(1 << 20));
    assertEquals(2 << 20, ByteArrayPool.rounded((1 << 20) + 1));
    assertEquals(62L << 20, ByteArrayPool.rounded(64_000_000));
    assertEquals(8192, ByteArrayPool.take(5000, Long.MAX_VALUE).length);
  }

  @Test
  void theSmallestKeptArrayThatFitsIsTaken() {
    final byte[] small = new byte[8192];
    final byte[] middle = new byte[16384];
    final byte[] large = new byte[1 << 20];
    ByteArrayPool.give(large);
    ByteArrayPool.give(middle);
    ByteArrayPool.give(small);
    assertSame(middle, ByteArrayPool.take(9000, Long.MAX_VALUE));
    // at most twice the rounded size: a 1 MiB array is not spent on 5,000 bytes
    assertSame(small, ByteArrayPool.take(5000, Long.MAX_VALUE));
    assertNotSame(large, ByteArrayPool.take(5000, Long.MAX_VALUE));
    // nor beyond the caller's limit
    assertNotSame(large, ByteArrayPool.take(600_000, 1 << 19));
    assertSame(large, ByteArrayPool.take(600_000, Long.MAX_VALUE));
    assertEquals(0, ByteArrayPool.keptBytes());
  }

  @Test
  void atMostTheBoundIsKept() {
    ByteArrayPool.keepAtMost(4 * 65536);
    for (int i = 0; i < 7; i++) {
      ByteArrayPool.give(new byte[65536]);
    }
    assertEquals(4 * 65536, ByteArrayPool.keptBytes());
  }
}
