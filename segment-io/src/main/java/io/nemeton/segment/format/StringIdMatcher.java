package io.nemeton.segment.format;

import io.nemeton.bitmap.RowIdMatcher;
import io.nemeton.codecs.CodecException;
import io.nemeton.codecs.IntBlockCodec;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ids of a single-value string column as a {@link RowIdMatcher}: refines the chunk lists and id
 * scans of its NBI4 bitmap index by matching the ids of the blocks a row range covers, one {@link
 * #matchEquals} call per block.
 *
 * <p>{@link #matchEquals} is the seam for a kernel matching encoded blocks in place; this version
 * decodes the block with {@code IntBlockCodec.decode} and compares the decoded ids 64 at a time with
 * lane compares.
 *
 * <p>Thread-safe. {@link #matchEquals} decodes a block into a per-thread scratch of the block's
 * size, kept across calls so consecutive chunks of one block decode it once; nothing is allocated
 * per call after the first on a thread. Valid while the segment is open.
 */
final class StringIdMatcher implements RowIdMatcher {
  /** A block holding more ids than this is refused before a scratch is sized for it. */
  private static final int MAX_BLOCK_VALUES = 1 << 16;
  /** Lanes of the id compare; a power of two up to 16, so it divides 64. */
  private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
  private static final ThreadLocal<DecodedBlock> DECODED = ThreadLocal.withInitial(DecodedBlock::new);

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
        matched += matchEquals(data, blocks.offset(b), from, to, id, words, firstBit + (blockStart + from - fromRow));
      } catch (CodecException | IndexOutOfBoundsException e) {
        throw new SegmentCorruptException(ids.file(), ids.name(), "block=" + b + ": " + e.getMessage(), e);
      }
    }
    return matched;
  }

  /** ORs into words bit (firstBit + (p - from)) for each position p in [from, to) of the encoded
   *  int block at offset whose value equals value; returns how many matched. */
  static int matchEquals(MemorySegment in, long offset, int from, int to, int value, long[] words, long firstBit) {
    final DecodedBlock decoded = DECODED.get();
    if (decoded.segment != in || decoded.offset != offset) {
      final int count = IntBlockCodec.valueCount(in, offset);
      if (count < 0 || count > MAX_BLOCK_VALUES) {
        throw new CodecException("int block at offset=" + offset + " holds count=" + count + " values, outside [0, "
            + MAX_BLOCK_VALUES + "]");
      }
      if (count > decoded.values.length) {
        decoded.values = new int[count];
      }
      decoded.segment = null;
      decoded.count = IntBlockCodec.decode(in, offset, decoded.values);
      decoded.segment = in;
      decoded.offset = offset;
    }
    if (from < 0 || from > to || to > decoded.count) {
      throw new IndexOutOfBoundsException("positions [" + from + ", " + to + ") outside the block's count="
          + decoded.count + " at offset=" + offset);
    }
    final int[] values = decoded.values;
    final IntVector target = IntVector.broadcast(SPECIES, value);
    final int lanes = SPECIES.length();
    int matched = 0;
    long bit = firstBit;
    int p = from;
    // 64 positions at a time: a lane compare per vector, the masks packed into one 64-bit word,
    // ORed into the (one or two) words its bits land in
    while (to - p >= 64) {
      long hits = 0;
      for (int k = 0; k < 64; k += lanes) {
        hits |= IntVector.fromArray(SPECIES, values, p + k).compare(VectorOperators.EQ, target).toLong() << k;
      }
      matched += orBits(words, bit, hits, 64);
      p += 64;
      bit += 64;
    }
    long hits = 0;
    for (int k = 0; p + k < to; k++) {
      hits |= (values[p + k] == value ? 1L : 0L) << k;
    }
    matched += orBits(words, bit, hits, to - p);
    return matched;
  }

  /** ORs the low {@code length} (<= 64) bits of {@code hits} into words from bit {@code bit}; returns their count. */
  private static int orBits(long[] words, long bit, long hits, int length) {
    if (hits == 0) {
      return 0;
    }
    final int word = (int) (bit >>> 6);
    final int shift = (int) (bit & 63);
    words[word] |= hits << shift;
    if (shift != 0 && shift + length > 64) {
      words[word + 1] |= hits >>> (64 - shift);
    }
    return Long.bitCount(hits);
  }

  /** One thread's last decoded block, named by its segment (identity) and offset. */
  private static final class DecodedBlock {
    MemorySegment segment;
    long offset;
    int count;
    int[] values = new int[SegmentFileLayout.ROWS_PER_BLOCK];
  }
}
