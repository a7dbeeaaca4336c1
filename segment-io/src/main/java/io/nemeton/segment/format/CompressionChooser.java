package io.nemeton.segment.format;

import io.nemeton.codecs.BlockCompression;
import io.nemeton.codecs.Compression;
import io.nemeton.memory.GrowableBytes;

/**
 * Compresses a byte range with every available generic compression (LZ4, Zstd) and keeps the
 * smallest result, for regions that are read cold: dictionary bytes and complex-column blocks.
 * A compression whose implementation is not available in this build is skipped from then on, and
 * one that would inflate past {@link SegmentFileLayout#MAX_INFLATION_RATIO} is not chosen.
 *
 * <p>Not thread-safe; reusable. {@link #compressed()} is valid until the next {@link #choose}.
 */
final class CompressionChooser {
  private static final Compression[] CANDIDATES = {Compression.LZ4, Compression.ZSTD};

  private final GrowableBytes[] outputs = {new GrowableBytes(1 << 12), new GrowableBytes(1 << 12)};
  private final boolean[] unavailable = new boolean[CANDIDATES.length];
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
      if (unavailable[i]) {
        continue;
      }
      outputs[i].clear();
      try {
        BlockCompression.compress(CANDIDATES[i], source, offset, length, outputs[i]);
      } catch (UnsupportedOperationException e) {
        // this build's codecs do not implement it; plain storage stays correct, only larger
        unavailable[i] = true;
        continue;
      }
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
