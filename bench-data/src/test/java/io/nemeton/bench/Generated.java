package io.nemeton.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Generates small data sets in memory for tests. */
final class Generated {
  private Generated() {}

  static byte[] bytes(Dataset dataset, long rows, long seed, OutputFormat format, int threads, boolean explicitNulls) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      DatasetWriter.write(new GenerationOptions(dataset, rows, seed, format, "-", threads, explicitNulls), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String[] paperLines(long rows, long seed, OutputFormat format) {
    return lines(bytes(Dataset.PAPER, rows, seed, format, 2, false));
  }

  static String[] wikipediaLines(long rows, long seed, boolean explicitNulls) {
    return lines(bytes(Dataset.WIKIPEDIA, rows, seed, OutputFormat.JSON_LINES, 2, explicitNulls));
  }

  /** Splits on line feeds; the text must end with one. */
  static String[] lines(byte[] bytes) {
    final String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("output does not end with a line feed");
    }
    return text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
