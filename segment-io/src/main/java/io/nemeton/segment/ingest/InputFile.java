package io.nemeton.segment.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input of an ingestion: a name for messages ({@code path} or {@code inline}) and a way to
 * open its (decompressed) bytes.
 */
record InputFile(String name, Opener opener) {
  /** Opens the input's bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  InputStream open() throws IOException {
    return opener.open();
  }
}
