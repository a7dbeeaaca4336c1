package io.nemeton.segment.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an input stream into lines without copying them: after {@link #next()} the current line
 * is {@code buffer()[start(), end())} without its {@code \n} or {@code \r\n}. A UTF-8 byte order
 * mark at the start is skipped. Lines longer than the buffer grow it.
 *
 * <p>Not thread-safe. The returned buffer and offsets are valid until the next {@link #next()}.
 */
final class LineSource implements Closeable {
  private static final int DEFAULT_BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private byte[] buffer;
  private int limit;
  private int position;
  private boolean endOfInput;
  private boolean first = true;
  private int start;
  private int end;
  private long lineNumber;

  LineSource(InputStream in) {
    this(in, DEFAULT_BUFFER_BYTES);
  }

  LineSource(InputStream in, int bufferBytes) {
    this.in = in;
    this.buffer = new byte[Math.max(16, bufferBytes)];
  }

  /** Advances to the next line; false at the end of the input. */
  boolean next() throws IOException {
    int scanFrom = position;
    while (true) {
      final int newline = ByteScan.indexOf(buffer, scanFrom, limit, (byte) '\n');
      if (newline >= 0) {
        setLine(position, newline);
        position = newline + 1;
        return true;
      }
      if (endOfInput) {
        if (position < limit) {
          setLine(position, limit);
          position = limit;
          return true;
        }
        return false;
      }
      scanFrom = limit - position;
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      }
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      final int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        endOfInput = true;
      } else {
        limit += read;
      }
    }
  }

  private void setLine(int lineStart, int lineEnd) {
    int from = lineStart;
    int to = lineEnd;
    if (to > from && buffer[to - 1] == '\r') {
      to--;
    }
    if (first) {
      first = false;
      if (to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB && buffer[from + 2] == (byte) 0xBF) {
        from += 3;
      }
    }
    start = from;
    end = to;
    lineNumber++;
  }

  byte[] buffer() {
    return buffer;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** One-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** True when the current line holds only spaces and tabs. */
  boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
