package io.nemeton.bitmap.internal;

/**
 * Constants of the portable Roaring serialization format (the format shared by the Java, C and Go
 * Roaring libraries), as this module writes and checks it.
 *
 * <pre>
 * without run containers                 with at least one run container
 * int32  cookie 12346                    int32  cookie 12347 | (containers - 1) << 16
 * int32  containers                      bytes  run marks, (containers + 7) / 8, bit k = container k is a run
 * per container: u16 key, u16 card - 1   per container: u16 key, u16 card - 1
 * per container: int32 container offset  per container: int32 offset, only when containers >= 4
 * containers                             containers
 * </pre>
 *
 * <p>A container holds the values sharing the high 16 bits {@code key}, as low 16 bits: an array
 * container is {@code card} ascending u16 values (card &lt;= 4096); a bitmap container is 1024
 * little-endian int64 words (card &gt; 4096); a run container is u16 run count then (u16 start, u16
 * length - 1) pairs. Offsets count from the first byte of the bitmap.
 */
public final class PortableRoaringFormat {
  public static final int COOKIE_NO_RUNS = 12346;
  public static final int COOKIE_WITH_RUNS = 12347;
  /** With run containers, the per-container offsets are present only from this many containers. */
  public static final int OFFSETS_FROM_CONTAINERS = 4;
  /** The largest cardinality an array container holds; above it the container is a bitmap. */
  public static final int ARRAY_MAX_CARDINALITY = 4096;
  public static final int BITMAP_CONTAINER_BYTES = 8192;
  public static final int MAX_CONTAINERS = 65536;
  /** An empty bitmap: the no-runs cookie and a zero container count. */
  public static final int EMPTY_BITMAP_BYTES = 8;

  private PortableRoaringFormat() {}

  /** Bytes of the header (cookie, run marks, keys, offsets) for {@code containers} containers. */
  public static int headerBytes(int containers, boolean hasRuns) {
    if (!hasRuns) {
      return 8 + 8 * containers;
    }
    int offsets = containers >= OFFSETS_FROM_CONTAINERS ? 4 * containers : 0;
    return 4 + (containers + 7) / 8 + 4 * containers + offsets;
  }

  public static int runContainerBytes(int runs) {
    return 2 + 4 * runs;
  }

  /** Bytes of a non-run container of {@code cardinality} values. */
  public static int plainContainerBytes(int cardinality) {
    return cardinality <= ARRAY_MAX_CARDINALITY ? 2 * cardinality : BITMAP_CONTAINER_BYTES;
  }
}
