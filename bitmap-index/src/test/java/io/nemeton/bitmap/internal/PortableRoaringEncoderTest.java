package io.nemeton.bitmap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.GrowableBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The encoder's bytes must equal the Roaring library's own {@code runOptimize(); serialize()}. */
class PortableRoaringEncoderTest {

  @Test
  void bytesEqualTheLibrarysRunOptimizedSerialization() {
    final long base = new SplittableRandom().nextLong();
    final PortableRoaringEncoder encoder = new PortableRoaringEncoder();
    for (int trial = 0; trial < 400; trial++) {
      final long seed = base + trial;
      final int[] values = randomAscending(new SplittableRandom(seed));
      try {
        assertSameBytes(encoder, values);
      } catch (Throwable failure) {
        throw new AssertionError("seed=" + seed + ": " + failure, failure);
      }
    }
  }

  @Test
  void containerKindsAtTheirThresholds() {
    final PortableRoaringEncoder encoder = new PortableRoaringEncoder();
    for (int cardinality : new int[] {1, 2, 4095, 4096, 4097, 65535, 65536}) {
      // every other value: no runs pay off, so array up to 4096 and bitmap above
      final int[] spread = new int[cardinality];
      for (int i = 0; i < cardinality; i++) {
        spread[i] = (int) ((long) i * 65536 / cardinality);
      }
      assertSameBytes(encoder, spread);
      // one run
      final int[] run = new int[cardinality];
      for (int i = 0; i < cardinality; i++) {
        run[i] = 70_000 + i;
      }
      assertSameBytes(encoder, run);
    }
    // one to five containers with runs: the per-container offsets appear from four containers
    for (int containers = 1; containers <= 5; containers++) {
      final int[] values = new int[containers * 100];
      for (int c = 0; c < containers; c++) {
        for (int i = 0; i < 100; i++) {
          values[c * 100 + i] = (c << 16) + i;
        }
      }
      assertSameBytes(encoder, values);
    }
    // unsigned order: the high half of the int range comes after the low half
    assertSameBytes(encoder, new int[] {0, 5, Integer.MAX_VALUE, Integer.MIN_VALUE, -2, -1});
  }

  @Test
  void repeatedValuesAreWrittenOnce() {
    final PortableRoaringEncoder encoder = new PortableRoaringEncoder();
    final int[] withRepeats = {3, 3, 3, 4, 9, 9, 70_000, 70_000, 70_001};
    final GrowableBytes out = new GrowableBytes();
    encoder.write(withRepeats, 0, withRepeats.length, out);
    assertArrayEquals(libraryBytes(new int[] {3, 4, 9, 70_000, 70_001}), out.toByteArray());
  }

  @Test
  void descendingValuesAreRefused() {
    final PortableRoaringEncoder encoder = new PortableRoaringEncoder();
    final IllegalArgumentException withinContainer = assertThrows(IllegalArgumentException.class,
        () -> encoder.write(new int[] {1, 5, 4}, 0, 3, new GrowableBytes()));
    assertEquals("values must ascend: value[2]=4 is below value[1]=5", withinContainer.getMessage());
    final IllegalArgumentException acrossContainers = assertThrows(IllegalArgumentException.class,
        () -> encoder.write(new int[] {70_000, 5}, 0, 2, new GrowableBytes()));
    assertEquals("values must ascend: value[1]=5 is below value[0]=70000", acrossContainers.getMessage());
  }

  @Test
  void anEmptyRangeWritesNothing() {
    final GrowableBytes out = new GrowableBytes();
    assertEquals(0, new PortableRoaringEncoder().write(new int[] {1, 2}, 1, 1, out));
    assertEquals(0, out.size());
  }

  private static void assertSameBytes(PortableRoaringEncoder encoder, int[] values) {
    final GrowableBytes out = new GrowableBytes();
    out.writeByte(0x7F); // the bitmap starts at an odd offset, as inside a region
    final int written = encoder.write(values, 0, values.length, out);
    final byte[] expected = libraryBytes(values);
    assertEquals(expected.length, written);
    assertArrayEquals(expected, Arrays.copyOfRange(out.toByteArray(), 1, out.size()));
  }

  private static byte[] libraryBytes(int[] values) {
    final RoaringBitmap bitmap = RoaringBitmap.bitmapOf(values);
    bitmap.runOptimize();
    final ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
    bitmap.serialize(buffer);
    return buffer.array();
  }

  /** Ascending (unsigned) values mixing sparse, dense and run-heavy containers. */
  private static int[] randomAscending(SplittableRandom random) {
    final int containers = 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
    int[] values = new int[1024];
    int size = 0;
    int key = random.nextInt(4);
    for (int c = 0; c < containers; c++) {
      final int shape = random.nextInt(4);
      for (int low = 0; low < 65536; ) {
        final boolean take = switch (shape) {
          case 0 -> random.nextInt(200) == 0; // sparse
          case 1 -> random.nextInt(3) != 0; // dense
          case 2 -> ((low / (1 + (key % 97))) & 1) == 0; // long runs
          default -> random.nextInt(1 + (low & 0xFF)) < 2; // ragged
        };
        if (take) {
          if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
          }
          values[size++] = (key << 16) | low;
        }
        low += shape == 0 ? 1 + random.nextInt(400) : 1;
      }
      key += 1 + (random.nextInt(3) == 0 ? random.nextInt(40_000) : 0);
      if (key > 0xFFFF) {
        break;
      }
    }
    if (size == 0) {
      return new int[] {random.nextInt()};
    }
    return Arrays.copyOf(values, size);
  }
}
