package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector kernel of the field scan against its scalar twin, and both against a byte-by-byte reading. */
class FieldScannerTest {
  @Test
  void vectorAndScalarScansAgree() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final String[] alphabets = {"abc,,,\n", "abcdefghij0123456789,\n", "ab,\"\n|\r", "a,b|c\t\n ", "x,"};
    for (int round = 0; round < 20_000; round++) {
      final String alphabet = alphabets[random.nextInt(alphabets.length)];
      final byte[] bytes = new byte[random.nextInt(1, 400)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      final byte delimiter = random.nextInt(5) == 0 ? (byte) '\t' : (byte) ',';
      final byte[] list = random.nextBoolean() ? "|".getBytes(StandardCharsets.UTF_8) : "||".getBytes(StandardCharsets.UTF_8);
      final int from = random.nextInt(bytes.length);
      final int limit = random.nextInt(from, bytes.length + 1);
      final FieldScanner vector = new FieldScanner(delimiter, list, true);
      final FieldScanner scalar = new FieldScanner(delimiter, list, false);
      final String at = "seed=" + seed + " round=" + round;
      final int expected = scalar.scan(bytes, from, limit);
      assertEquals(expected, vector.scan(bytes, from, limit), at);
      assertEquals(scalar.count, vector.count, at);
      if (expected != FieldScanner.QUOTED) {
        assertEquals(scalar.hasList, vector.hasList, at);
        assertArrayEquals(Arrays.copyOf(scalar.ends, scalar.count), Arrays.copyOf(vector.ends, vector.count), at);
        // the reference: a byte at a time
        final int end = expected == FieldScanner.NO_NEWLINE ? limit : expected;
        int count = 0;
        boolean hasList = list.length > 1;
        assertEquals(expected >= 0, expected >= 0 && bytes[expected] == '\n', at);
        for (int i = from; i < end; i++) {
          assertEquals(false, bytes[i] == '\n', at);
          if (bytes[i] == delimiter) {
            assertEquals(i, scalar.ends[count++], at);
          }
          hasList |= list.length == 1 && bytes[i] == list[0];
        }
        assertEquals(count, scalar.count, at);
        assertEquals(hasList, scalar.hasList, at);
      }
    }
  }
}
