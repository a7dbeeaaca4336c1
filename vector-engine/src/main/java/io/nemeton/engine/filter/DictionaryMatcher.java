package io.nemeton.engine.filter;

import io.nemeton.engine.cursor.RowMatcher;
import io.nemeton.engine.storage.StringBlocks;

/**
 * Tests dictionary ids against a per-id flag table, for string filters whose bitmap union would
 * cost more than reading ids. A row matches when one of its ids is flagged; with {@code
 * complement} it matches when none is (a {@code not} whose flags are the TRUE and UNKNOWN ids).
 * Not thread-safe.
 */
final class DictionaryMatcher implements RowMatcher {
  private final StringBlocks blocks;
  private final boolean[] flagged;
  private final boolean complement;

  DictionaryMatcher(StringBlocks blocks, boolean[] flagged, boolean complement) {
    this.blocks = blocks;
    this.flagged = flagged;
    this.complement = complement;
  }

  @Override
  public int match(int block, int[] positions, int count, int[] out) {
    final boolean[] flags = flagged;
    final boolean keepFlagged = !complement;
    int kept = 0;
    if (!blocks.multiValue()) {
      final int[] ids = blocks.ids(block);
      for (int i = 0; i < count; i++) {
        final int position = positions[i];
        if (flags[ids[position]] == keepFlagged) {
          out[kept++] = position;
        }
      }
      return kept;
    }
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    for (int i = 0; i < count; i++) {
      final int position = positions[i];
      boolean any = false;
      for (int v = starts[position]; v < starts[position + 1]; v++) {
        any |= flags[values[v]];
      }
      if (any == keepFlagged) {
        out[kept++] = position;
      }
    }
    return kept;
  }
}
