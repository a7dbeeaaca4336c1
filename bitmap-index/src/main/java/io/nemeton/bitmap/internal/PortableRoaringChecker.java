package io.nemeton.bitmap.internal;

import io.nemeton.bitmap.BitmapFormatException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Checks that bytes are one well-formed portable Roaring bitmap before the Roaring library reads
 * them, so hostile bytes fail with a {@link BitmapFormatException} instead of an arbitrary
 * exception (or a wrong answer) deep inside the library.
 *
 * <p>{@link #checkStructure} reads only the header, O(containers): the cookie, the container
 * count, ascending keys, that every container offset is exactly where the previous container ends
 * and that the last one ends exactly at the end of the bytes. That is enough for every read the
 * library does to stay inside the bytes. {@link #checkContents} also reads every container,
 * O(bytes): array values strictly ascending, bitmap popcounts equal to the stated cardinality,
 * runs ascending, non-overlapping, within 16 bits and adding up to the stated cardinality. Only
 * then are operations that trust cardinalities (conversions between container kinds) safe.
 *
 * <p>Stateless and thread-safe; allocates only when it throws.
 */
public final class PortableRoaringChecker {
  private static final ValueLayout.OfInt INT =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private PortableRoaringChecker() {}

  /**
   * Checks the header of the bitmap at {@code [at, at + length)} of {@code segment}; {@code thing}
   * and {@code id} (or -1) name it in messages.
   */
  public static void checkStructure(MemorySegment segment, long at, long length, String thing, int id) {
    check(segment, at, length, false, thing, id);
  }

  /** Checks the header and every container of the bitmap; see the class comment. */
  public static void checkContents(MemorySegment segment, long at, long length, String thing, int id) {
    check(segment, at, length, true, thing, id);
  }

  private static void check(MemorySegment segment, long at, long length, boolean contents, String thing, int id) {
    if (length < PortableRoaringFormat.EMPTY_BITMAP_BYTES) {
      throw fail(thing, id, "length=" + length + " bytes is below the minimum=" + PortableRoaringFormat.EMPTY_BITMAP_BYTES);
    }
    final int cookie = segment.get(INT, at);
    final boolean hasRuns = (cookie & 0xFFFF) == PortableRoaringFormat.COOKIE_WITH_RUNS;
    final int containers;
    if (hasRuns) {
      containers = (cookie >>> 16) + 1;
    } else if (cookie == PortableRoaringFormat.COOKIE_NO_RUNS) {
      containers = segment.get(INT, at + 4);
      if (containers < 0 || containers > PortableRoaringFormat.MAX_CONTAINERS) {
        throw fail(thing, id, "container count=" + containers + " is outside [0, " + PortableRoaringFormat.MAX_CONTAINERS + "]");
      }
    } else {
      throw fail(thing, id, "cookie=" + cookie + " is neither " + PortableRoaringFormat.COOKIE_NO_RUNS
          + " nor " + PortableRoaringFormat.COOKIE_WITH_RUNS + " in its low 16 bits");
    }
    final long header = PortableRoaringFormat.headerBytes(containers, hasRuns);
    if (header > length) {
      throw fail(thing, id, "header of " + containers + " containers needs " + header + " bytes but length=" + length);
    }
    final long keysAt = at + (hasRuns ? 4 + (containers + 7) / 8 : 8);
    final boolean hasOffsets = !hasRuns || containers >= PortableRoaringFormat.OFFSETS_FROM_CONTAINERS;
    final long offsetsAt = keysAt + 4L * containers;
    long position = header;
    int previousKey = -1;
    for (int k = 0; k < containers; k++) {
      final int key = Short.toUnsignedInt(segment.get(SHORT, keysAt + 4L * k));
      final int cardinality = Short.toUnsignedInt(segment.get(SHORT, keysAt + 4L * k + 2)) + 1;
      if (key <= previousKey) {
        throw fail(thing, id, "container " + k + " key=" + key + " is not above the previous key=" + previousKey);
      }
      previousKey = key;
      if (hasOffsets) {
        final long offset = Integer.toUnsignedLong(segment.get(INT, offsetsAt + 4L * k));
        if (offset != position) {
          throw fail(thing, id, "container " + k + " offset=" + offset + " expected=" + position);
        }
      }
      final boolean isRun = hasRuns && (segment.get(ValueLayout.JAVA_BYTE, at + 4 + (k >>> 3)) & (1 << (k & 7))) != 0;
      final long bytes;
      if (isRun) {
        if (position + 2 > length) {
          throw fail(thing, id, "container " + k + " run count at " + position + " is past length=" + length);
        }
        bytes = PortableRoaringFormat.runContainerBytes(Short.toUnsignedInt(segment.get(SHORT, at + position)));
      } else {
        bytes = PortableRoaringFormat.plainContainerBytes(cardinality);
      }
      if (position + bytes > length) {
        throw fail(thing, id, "container " + k + " ends at " + (position + bytes) + ", past length=" + length);
      }
      if (contents) {
        final long containerAt = at + position;
        if (isRun) {
          checkRuns(segment, containerAt, cardinality, thing, id, k);
        } else if (cardinality <= PortableRoaringFormat.ARRAY_MAX_CARDINALITY) {
          checkArray(segment, containerAt, cardinality, thing, id, k);
        } else {
          checkBitmap(segment, containerAt, cardinality, thing, id, k);
        }
      }
      position += bytes;
    }
    if (position != length) {
      throw fail(thing, id, "containers end at " + position + " but length=" + length);
    }
  }

  private static void checkArray(MemorySegment segment, long at, int cardinality, String thing, int id, int k) {
    int previous = -1;
    for (int i = 0; i < cardinality; i++) {
      final int value = Short.toUnsignedInt(segment.get(SHORT, at + 2L * i));
      if (value <= previous) {
        throw fail(thing, id, "array container " + k + " value[" + i + "]=" + value + " is not above " + previous);
      }
      previous = value;
    }
  }

  private static void checkBitmap(MemorySegment segment, long at, int cardinality, String thing, int id, int k) {
    int bits = 0;
    for (int word = 0; word < PortableRoaringFormat.BITMAP_CONTAINER_BYTES / 8; word++) {
      bits += Long.bitCount(segment.get(LONG, at + 8L * word));
    }
    if (bits != cardinality) {
      throw fail(thing, id, "bitmap container " + k + " holds " + bits + " bits but cardinality=" + cardinality);
    }
  }

  private static void checkRuns(MemorySegment segment, long at, int cardinality, String thing, int id, int k) {
    final int runs = Short.toUnsignedInt(segment.get(SHORT, at));
    int previousEnd = -1;
    int total = 0;
    for (int r = 0; r < runs; r++) {
      final int start = Short.toUnsignedInt(segment.get(SHORT, at + 2 + 4L * r));
      final int lengthMinusOne = Short.toUnsignedInt(segment.get(SHORT, at + 4 + 4L * r));
      final int end = start + lengthMinusOne;
      if (start <= previousEnd || end > 0xFFFF) {
        throw fail(thing, id, "run container " + k + " run " + r + " [" + start + ", " + end
            + "] overlaps the previous end=" + previousEnd + " or passes 65535");
      }
      previousEnd = end;
      total += lengthMinusOne + 1;
    }
    if (total != cardinality) {
      throw fail(thing, id, "run container " + k + " holds " + total + " values but cardinality=" + cardinality);
    }
  }

  private static BitmapFormatException fail(String thing, int id, String problem) {
    return new BitmapFormatException(thing + (id >= 0 ? " id=" + id : "") + ": " + problem);
  }
}
