package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Finds the fields of one delimited line in the same pass that finds its end, 32 bytes at a time
 * with the Vector API ({@link VectorFieldScan}) where it is fast, else and for the rest eight
 * bytes at a time (SWAR): the delimiter positions, whether a quote occurs (such lines take the reader's
 * general path) and whether a one-byte list delimiter occurs (multi-value fields).
 *
 * <p>Not thread-safe. {@link #ends} is reused by the next {@link #scan}; it grows with the widest
 * line and allocates nothing otherwise.
 */
final class FieldScanner {
  /** {@link #scan}: the scanned bytes end before a {@code \n}. */
  static final int NO_NEWLINE = -1;
  /** {@link #scan}: the line holds a quote (its fields were not all found). */
  static final int QUOTED = -2;
  private static final long NEWLINES = ByteScan.broadcast((byte) '\n');
  private static final long QUOTES = ByteScan.broadcast((byte) '"');

  /** Bytes handed to the vector kernel per call: a line or two, so {@link #ends} grows by little. */
  private static final int VECTOR_CHUNK_BYTES = 4 * VectorFieldScan.STEP;

  private final boolean vector;
  private final byte delimiter;
  private final byte[] listDelimiter;
  private final long separatorPattern;
  /** The one-byte list delimiter in every byte; 0 (never matched alone) when it is longer. */
  private final long listPattern;
  /** Field ends found by the last {@link #scan}: {@code ends[0, count)}. */
  /** Sized for a vector chunk and a line's fields, so a scan never grows it on common lines. */
  int[] ends = new int[4 * VECTOR_CHUNK_BYTES];
  /** Fields found by the last {@link #scan}; -1 when it stopped at a quote. */
  int count;
  /** Whether the last scanned line holds the (one-byte) list delimiter anywhere. */
  boolean hasList;

  FieldScanner(byte delimiter, byte[] listDelimiter) {
    this(delimiter, listDelimiter, VectorFieldScan.ENABLED);
  }

  /** With {@code vector} false only the scalar loop runs (the twin the vector kernel is tested against). */
  FieldScanner(byte delimiter, byte[] listDelimiter, boolean vector) {
    this.vector = vector;
    this.delimiter = delimiter;
    this.listDelimiter = listDelimiter;
    this.separatorPattern = ByteScan.broadcast(delimiter);
    this.listPattern = listDelimiter.length == 1 ? ByteScan.broadcast(listDelimiter[0]) : 0;
  }

  /** Adds the end of the line's last field; {@link #scan} always leaves room for it. */
  void addEnd(int end) {
    ends[count++] = end;
  }

  /**
   * Scans {@code bytes[from, limit)} up to the first {@code \n}, eight bytes at a time: the
   * delimiters before it become {@code ends[0, count)} (the caller adds the line's end with {@link
   * #addEnd}), and {@link #hasList} tells whether a one-byte list delimiter occurs. Returns the index of
   * the {@code \n}, {@link #NO_NEWLINE} when the bytes end first, or {@link #QUOTED} (and {@code
   * count} -1) when a quote comes first: such lines take the general path.
   */
  int scan(byte[] bytes, int from, int limit) {
    final long separators = separatorPattern;
    final long lists = listPattern;
    // a multi-byte list delimiter is looked for field by field instead
    long listBytes = listDelimiter.length == 1 ? 0 : 1;
    int[] ends = this.ends;
    int count = 0;
    int i = from;
    final int available = Math.min(limit, bytes.length) - from;
    if (vector && available >= VectorFieldScan.STEP) {
      final int vectorEnd = from + available / VectorFieldScan.STEP * VectorFieldScan.STEP;
      while (i < vectorEnd) {
        final int chunkEnd = Math.min(vectorEnd, i + VECTOR_CHUNK_BYTES);
        if (count + (chunkEnd - i) + 9 > ends.length) {
          ends = grow(count + (chunkEnd - i) + 9);
        }
        final long result = VectorFieldScan.scan(bytes, i, chunkEnd, delimiter, listDelimiter[0],
            listDelimiter.length == 1, ends, count);
        if ((result & VectorFieldScan.QUOTE_SEEN) != 0) {
          this.count = -1;
          return QUOTED;
        }
        count = (int) result;
        listBytes |= result & VectorFieldScan.LIST_SEEN;
        if ((result & VectorFieldScan.NEWLINE_SEEN) != 0) {
          this.count = count;
          hasList = listBytes != 0;
          return ends[count];
        }
        i = chunkEnd;
      }
    }
    final int lastWord = Math.min(limit, bytes.length) - 8;
    for (; i <= lastWord; i += 8) {
      if (count + 9 > ends.length) {
        ends = grow(0);
      }
      final long word = (long) ByteScan.LONG.get(bytes, i);
      final long newlineBytes = ByteScan.zeroBytes(word ^ NEWLINES);
      long quoteBytes = ByteScan.zeroBytes(word ^ QUOTES);
      long separatorBytes = ByteScan.zeroBytes(word ^ separators);
      long listInWord = ByteScan.zeroBytes(word ^ lists);
      int newline = NO_NEWLINE;
      if (newlineBytes != 0) {
        // only the bytes before the first \n belong to this line
        final long before = (newlineBytes & -newlineBytes) - 1;
        quoteBytes &= before;
        separatorBytes &= before;
        listInWord &= before;
        newline = i + (Long.numberOfTrailingZeros(newlineBytes) >>> 3);
      }
      if (quoteBytes != 0) {
        this.count = -1;
        return QUOTED;
      }
      listBytes |= listInWord;
      // four positions written unconditionally, a loop only past that: words rarely hold more
      // than four separators, and the loop's exit is what the branch predictor gets wrong
      final int found = Long.bitCount(separatorBytes);
      ends[count] = i + (Long.numberOfTrailingZeros(separatorBytes) >>> 3);
      separatorBytes &= separatorBytes - 1;
      ends[count + 1] = i + (Long.numberOfTrailingZeros(separatorBytes) >>> 3);
      separatorBytes &= separatorBytes - 1;
      ends[count + 2] = i + (Long.numberOfTrailingZeros(separatorBytes) >>> 3);
      separatorBytes &= separatorBytes - 1;
      ends[count + 3] = i + (Long.numberOfTrailingZeros(separatorBytes) >>> 3);
      separatorBytes &= separatorBytes - 1;
      if (found > 4) {
        int at = count + 4;
        while (separatorBytes != 0) {
          ends[at++] = i + (Long.numberOfTrailingZeros(separatorBytes) >>> 3);
          separatorBytes &= separatorBytes - 1;
        }
      }
      count += found;
      if (newline != NO_NEWLINE) {
        this.count = count;
        hasList = listBytes != 0;
        return newline;
      }
    }
    final byte separator = delimiter;
    final byte list = listDelimiter[0];
    for (; i < limit; i++) {
      final byte b = bytes[i];
      if (b == '\n') {
        this.count = count;
        hasList = listBytes != 0;
        return i;
      }
      if (b == '"') {
        this.count = -1;
        return QUOTED;
      }
      if (count + 1 >= ends.length) {
        ends = grow(0);
      }
      if (b == separator) {
        ends[count++] = i;
      } else if (b == list) {
        listBytes = 1;
      }
    }
    this.count = count;
    hasList = listBytes != 0;
    return NO_NEWLINE;
  }

  private int[] grow(int atLeast) {
    ends = Arrays.copyOf(ends, Math.max(atLeast, ends.length * 2));
    return ends;
  }
}
