package io.nemeton.segment.format;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;

/**
 * Compresses a byte range with every available generic compression (LZ4, Zstd) and keeps the
 * smallest result, for regions that are read cold: dictionary bytes and complex-column blocks.
 * One that would inflate past {@link SegmentFileLayout#MAX_INFLATION_RATIO} is not chosen.
 * This is the project's one place that picks a compression by size.
 *
 * <p>Not thread-safe; reusable. {@link #compressed()} is valid until the next {@link #choose}.
 */
final class CompressionChooser {
  private static final Compression[] CANDIDATES = {Compression.LZ4, Compression.ZSTD};

  private final GrowableBytes[] outputs = {new GrowableBytes(1 << 12), new GrowableBytes(1 << 12)};
  private int winner = -1;

  /**
   * Returns the compression whose output for {@code source[offset, offset+length)} is smallest and
   * at most {@code maxStoredBytes}, or {@link Compression#NONE} when none is (the caller then stores
   * the bytes as they are).
   */
  Compression choose(byte[] source, int offset, int length, int maxStoredBytes) {
    winner = -1;
    int best = maxStoredBytes + 1;
    for (int i = 0; i < CANDIDATES.length; i++) {
      outputs[i].clear();
      BlockCompression.compress(CANDIDATES[i], source, offset, length, outputs[i]);
      if (outputs[i].size() < best && SegmentFileLayout.inflationAllowed(outputs[i].size(), length)) {
        best = outputs[i].size();
        winner = i;
      }
    }
    return winner < 0 ? Compression.NONE : CANDIDATES[winner];
  }

  /** The winning compressed bytes of the last {@link #choose}, when it did not return NONE. */
  GrowableBytes compressed() {
    return outputs[winner];
  }
}
