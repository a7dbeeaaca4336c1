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
 * <p>A reader that scans the lines' bytes anyway may find the line ends itself instead: it scans
 * {@code buffer()[position(), limit())}, hands the end it found to {@link #takeLine}, and calls
 * {@link #fill()} when the buffer ends before a line does. That way each byte is read once.
 *
 * <p>Not thread-safe. The returned buffer and offsets are valid until the next {@link #next()},
 * {@link #takeLine} or {@link #fill()}.
 */
final class LineSource implements Closeable {
  private static final int DEFAULT_BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private byte[] buffer;
  private int limit;
  private int position;
  private boolean endOfInput;
  private int start;
  private int end;
  private long lineNumber;

  LineSource(InputStream in) throws IOException {
    this(in, DEFAULT_BUFFER_BYTES);
  }

  /** Reads the first bytes at once, to skip a byte order mark. */
  LineSource(InputStream in, int bufferBytes) throws IOException {
    this.in = in;
    this.buffer = new byte[Math.max(16, bufferBytes)];
    skipByteOrderMark();
  }

  /**
   * Skips a UTF-8 byte order mark at the start of the input. Done here, once, rather than as a
   * first-line case in the per-line path: the compiled line loop then has no branch that only the
   * first line of an input takes (which would make the JIT discard and recompile it on the next
   * input).
   */
  private void skipByteOrderMark() throws IOException {
    while (limit < 3 && fill()) {
      // a stream may hand over fewer than three bytes at a time
    }
    if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
      position = 3;
    }
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
      scanFrom = limit - position; // fill moves the unread bytes to the start
      fill();
    }
  }

  private void setLine(int lineStart, int lineEnd) {
    int from = lineStart;
    int to = lineEnd;
    if (to > from && buffer[to - 1] == '\r') {
      to--;
    }
    start = from;
    end = to;
    lineNumber++;
  }

  /** Where the unread bytes start in {@link #buffer()}: just past the current line's {@code \n}. */
  int position() {
    return position;
  }

  /** End of the bytes read so far in {@link #buffer()}. */
  int limit() {
    return limit;
  }

  /**
   * Makes {@code buffer()[position(), lineEnd)} the current line, for a caller that found its end
   * itself: {@code lineEnd} is the index of its {@code \n}, or {@link #limit()} for a last line
   * without one. A trailing {@code \r} is dropped as {@link #next()} drops it.
   */
  void takeLine(int lineEnd) {
    setLine(position, lineEnd);
    position = Math.min(lineEnd + 1, limit);
  }

  /**
   * Reads more input behind the unread bytes, which first move to the start of the buffer (so
   * offsets into it change). False when the input has ended: nothing was added.
   */
  boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
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
      return false;
    }
    limit += read;
    return true;
  }

  /** True once the input has ended: {@link #limit()} is the end of the last bytes. */
  boolean ended() {
    return endOfInput;
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
