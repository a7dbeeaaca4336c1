package io.nemeton.segment.format;

import io.nemeton.bitmap.RowIdMatcher;
import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.IntBlockCodec;
import java.lang.foreign.MemorySegment;

/**
 * The ids of a single-value string column as a {@link RowIdMatcher}: refines the chunk lists and id
 * scans of its NBI4 bitmap index by matching the ids of the blocks a row range covers, one {@code
 * IntBlockCodec.matchEquals} call per block: bit-packed blocks are matched in place (vector
 * compares for widths up to 8, no decode), other encodings by their own paths.
 *
 * <p>Thread-safe; allocates nothing. Valid while the segment is open.
 */
final class StringIdMatcher implements RowIdMatcher {
  private final Region ids;
  private final BlockDirectory blocks;
  private final int rowCount;
  private final int rowsPerBlock;

  StringIdMatcher(Region ids, BlockDirectory blocks, int rowCount, int rowsPerBlock) {
    this.ids = ids;
    this.blocks = blocks;
    this.rowCount = rowCount;
    this.rowsPerBlock = rowsPerBlock;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public int matchRows(int id, int fromRow, int toRow, long[] words, long firstBit) {
    if (fromRow < 0 || fromRow > toRow || toRow > rowCount) {
      throw new IllegalArgumentException(ids.name() + ": rows [" + fromRow + ", " + toRow + ") outside [0, rowCount="
          + rowCount + ")");
    }
    if (firstBit < 0 || firstBit + (toRow - fromRow) > (long) words.length << 6) {
      throw new IllegalArgumentException(ids.name() + ": bits [" + firstBit + ", " + (firstBit + toRow - fromRow)
          + ") outside words of " + words.length + " longs");
    }
    if (fromRow == toRow) {
      return 0;
    }
    final MemorySegment data = ids.verified();
    int matched = 0;
    for (int b = fromRow / rowsPerBlock; b <= (toRow - 1) / rowsPerBlock; b++) {
      final int blockStart = b * rowsPerBlock;
      final int from = Math.max(fromRow, blockStart) - blockStart;
      final int to = Math.min(toRow, blockStart + blocks.blockRowCount(b)) - blockStart;
      try {
        matched += IntBlockCodec.matchEquals(data, blocks.offset(b), from, to, id, words,
            firstBit + (blockStart + from - fromRow));
      } catch (CodecException | IndexOutOfBoundsException | IllegalArgumentException e) {
        // the positions come from the block directory, so a range the block does not hold is corruption
        throw new SegmentCorruptException(ids.file(), ids.name(), "block=" + b + ": " + e.getMessage(), e);
      }
    }
    return matched;
  }
}
