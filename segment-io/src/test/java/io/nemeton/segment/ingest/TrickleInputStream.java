package io.nemeton.segment.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Test input that hands over at most {@code chunk} bytes per read, to exercise refills at every boundary. */
final class TrickleInputStream extends InputStream {
  private final ByteArrayInputStream in;
  private final int chunk;

  TrickleInputStream(byte[] bytes, int chunk) {
    this.in = new ByteArrayInputStream(bytes);
    this.chunk = chunk;
  }

  @Override
  public int read() {
    return in.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    return in.read(buffer, offset, Math.min(length, chunk));
  }
}
