package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Number parsing, byte scanning, line splitting, radix sort and JSONPath against simple references. */
class LowLevelPartsTest {
  @Test
  void numbersParseLikeTheJavaLibrary() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final long[] longs = new long[1];
    final double[] doubles = new double[1];
    for (int i = 0; i < 50000; i++) {
      final String text = switch (random.nextInt(6)) {
        case 0 -> Long.toString(random.nextLong());
        case 1 -> Long.toString(random.nextLong(-100000, 100000));
        case 2 -> String.format(Locale.ROOT, "%.2f", random.nextDouble(-1e6, 1e6));
        case 3 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
        case 4 -> String.format(Locale.ROOT, "%.4f", random.nextDouble());
        default -> "0." + Long.toString(random.nextLong(0, Long.MAX_VALUE));
      };
      final byte[] bytes = (" " + text + " ").getBytes(StandardCharsets.US_ASCII);
      assertTrue(NumberParsing.parseDouble(bytes, 1, bytes.length - 2, doubles, 0), text);
      assertEquals(Double.parseDouble(text), doubles[0], 0.0, "seed=" + seed + " text=" + text);
      final double asDouble = Double.parseDouble(text);
      if (text.matches("-?\\d+") || Math.abs(asDouble) < 0x1p63) {
        assertTrue(NumberParsing.parseLong(bytes, 1, bytes.length - 2, longs, 0), text);
        final long expected = text.matches("-?\\d+") ? Long.parseLong(text) : (long) asDouble;
        assertEquals(expected, longs[0], "seed=" + seed + " text=" + text);
      } else {
        assertFalse(NumberParsing.parseLong(bytes, 1, bytes.length - 2, longs, 0), "out of long range: " + text);
      }
    }
    for (String bad : new String[] {"", "-", "abc", "1.2.3", "0x10", "1f", "1d", "--1", "1e", "."}) {
      final byte[] bytes = bad.getBytes(StandardCharsets.US_ASCII);
      assertFalse(NumberParsing.parseDouble(bytes, 0, bytes.length, doubles, 0), bad);
      assertFalse(NumberParsing.parseLong(bytes, 0, bytes.length, longs, 0), bad);
    }
    for (long edge : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L}) {
      final byte[] bytes = Long.toString(edge).getBytes(StandardCharsets.US_ASCII);
      assertTrue(NumberParsing.parseLong(bytes, 0, bytes.length, longs, 0));
      assertEquals(edge, longs[0]);
    }
    final byte[] spaced = " 42\t".getBytes(StandardCharsets.US_ASCII);
    assertTrue(NumberParsing.parseLong(spaced, 0, spaced.length, longs, 0));
    assertEquals(42, longs[0]);
    final byte[] nan = "NaN".getBytes(StandardCharsets.US_ASCII);
    assertTrue(NumberParsing.parseDouble(nan, 0, 3, doubles, 0));
    assertTrue(Double.isNaN(doubles[0]));
  }

  @Test
  void shortNumbersReadInOneLoadAgreeWithTheBytePathAndTheJavaLibrary() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final String alphabet = "0123456789012345678901234567890123456789..--+ eE\t,x";
    final long[] longs = new long[2];
    final double[] doubles = new double[2];
    for (int i = 0; i < 200_000; i++) {
      final String text;
      if (random.nextBoolean()) {
        final StringBuilder chars = new StringBuilder();
        final int length = random.nextInt(0, 18);
        for (int c = 0; c < length; c++) {
          chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text = chars.toString();
      } else {
        final StringBuilder digitChars = new StringBuilder();
        final int digitCount = random.nextInt(1, 17);
        for (int c = 0; c < digitCount; c++) {
          digitChars.append((char) ('0' + random.nextInt(10)));
        }
        final String digits = digitChars.toString();
        final int point = random.nextInt(-1, digits.length());
        text = (random.nextInt(4) == 0 ? "-" : "") + (point <= 0 ? digits : digits.substring(0, point) + "." + digits.substring(point));
      }
      final byte[] value = text.getBytes(StandardCharsets.US_ASCII);
      // at the end of its array: no eight-byte load fits, the byte path reads it
      final byte[] tight = value.clone();
      // followed by bytes that look like more number
      final byte[] padded = new byte[value.length + 8];
      System.arraycopy(value, 0, padded, 0, value.length);
      for (int p = value.length; p < padded.length; p++) {
        padded[p] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      final String at = "seed=" + seed + " text=\"" + text + "\"";
      final boolean tightDouble = NumberParsing.parseDouble(tight, 0, value.length, doubles, 0);
      final boolean paddedDouble = NumberParsing.parseDouble(padded, 0, value.length, doubles, 1);
      assertEquals(tightDouble, paddedDouble, at);
      if (tightDouble) {
        assertEquals(Double.doubleToRawLongBits(doubles[0]), Double.doubleToRawLongBits(doubles[1]), at);
        if (text.matches("-?\\d{1,15}(\\.\\d{1,15})?") && text.replaceAll("[-.]", "").length() <= 15) {
          assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(doubles[1]), at);
        }
      }
      final boolean tightLong = NumberParsing.parseLong(tight, 0, value.length, longs, 0);
      assertEquals(tightLong, NumberParsing.parseLong(padded, 0, value.length, longs, 1), at);
      if (tightLong) {
        assertEquals(longs[0], longs[1], at);
        if (text.matches("-?\\d{1,16}")) {
          assertEquals(Long.parseLong(text), longs[1], at);
        }
      }
    }
  }

  @Test
  void byteScanFindsTheFirstMatch() {
    final SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 5000; i++) {
      final byte[] bytes = new byte[random.nextInt(1, 40)];
      for (int b = 0; b < bytes.length; b++) {
        bytes[b] = (byte) random.nextInt(0, 4);
      }
      final int from = random.nextInt(bytes.length);
      final int to = random.nextInt(from, bytes.length + 1);
      int expected = -1;
      for (int b = from; b < to; b++) {
        if (bytes[b] == 3) {
          expected = b;
          break;
        }
      }
      assertEquals(expected, ByteScan.indexOf(bytes, from, to, (byte) 3), Arrays.toString(bytes) + " " + from + " " + to);
    }
  }

  @Test
  void lineSourceSplitsLinesAcrossRefills() throws Exception {
    final StringBuilder text = new StringBuilder();
    final List<String> expected = new ArrayList<>();
    final SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 500; i++) {
      final String line = "x".repeat(random.nextInt(0, 70)) + i;
      expected.add(line);
      text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
    }
    text.append("last-without-newline");
    expected.add("last-without-newline");
    final List<String> lines = new ArrayList<>();
    try (LineSource source = new LineSource(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 16)) {
      while (source.next()) {
        lines.add(new String(source.buffer(), source.start(), source.end() - source.start(), StandardCharsets.UTF_8));
        assertEquals(lines.size(), source.lineNumber());
      }
    }
    assertEquals(expected, lines);
  }

  @Test
  void radixSortOrdersLikeArraysSort() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final LongRadixSort radix = new LongRadixSort();
    for (int round = 0; round < 20; round++) {
      final int bits = random.nextInt(1, 63);
      final long[] keys = new long[random.nextInt(0, 20000)];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = bits == 63 ? random.nextLong(0, Long.MAX_VALUE) : random.nextLong(0, 1L << bits);
        if (random.nextInt(4) == 0 && i > 0) {
          keys[i] = keys[i - 1];
        }
      }
      final long[] expected = keys.clone();
      Arrays.sort(expected);
      radix.sort(keys, keys.length, bits);
      assertArrayEquals(expected, keys, "seed=" + seed + " bits=" + bits);
    }
  }

  @Test
  void radixSortSkipsLowBitsThatAlreadyIncrease() {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    final LongRadixSort radix = new LongRadixSort();
    for (int round = 0; round < 20; round++) {
      final int count = random.nextInt(0, 20000);
      final int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, count - 1));
      final int keyBits = random.nextInt(0, 63 - indexBits);
      final long[] keys = new long[count];
      for (int i = 0; i < count; i++) {
        final long key = keyBits == 0 ? 0 : random.nextInt(3) == 0 && i > 0
            ? keys[i - 1] >>> indexBits : random.nextLong(0, 1L << keyBits);
        keys[i] = (key << indexBits) | i;
      }
      final long[] expected = keys.clone();
      Arrays.sort(expected);
      radix.sort(keys, count, keyBits + indexBits, indexBits);
      assertArrayEquals(expected, keys, "seed=" + seed + " keyBits=" + keyBits + " count=" + count);
    }
  }

  @Test
  void jsonPathSubset() throws Exception {
    final var root = new ObjectMapper().readTree("{\"a\": {\"b c\": [1, 5, 3]}, \"x\": [\"p\", \"q\"]}");
    assertEquals(3, JsonPath.compile("$.a['b c'].length()").evaluate(root).intValue());
    assertEquals(5.0, JsonPath.compile("$.a[\"b c\"].max()").evaluate(root).doubleValue(), 0.0);
    assertEquals(3.0, JsonPath.compile("$.a['b c'].avg()").evaluate(root).doubleValue(), 0.0);
    assertEquals("q", JsonPath.compile("$.x[-1]").evaluate(root).textValue());
    assertEquals("p", JsonPath.compile("$.x.first()").evaluate(root).textValue());
    assertTrue(JsonPath.compile("$.missing.deeper").evaluate(root).isMissingNode());
    for (String unsupported : new String[] {"$..a", "$.x[*]", "$.x[?(@ > 1)]", "a.b", "$.x.keys()"}) {
      assertThrows(IllegalArgumentException.class, () -> JsonPath.compile(unsupported), unsupported);
    }
  }
}
