package io.nemeton.engine.run;

/**
 * Settings of a query engine, validated when built. Immutable.
 *
 * @param threads segments scanned at once (the bounded pool's size), at least 1
 * @param defaultVectorSize rows per batch when the query context has no {@code vectorSize}
 * @param maxBitmapUnion most dictionary values a string filter unions as bitmaps before testing
 *     ids per row instead
 * @param maxGroupByBytes most bytes each group-by structure of a groupBy (or topN) may hold (a
 *     segment scan's accumulator cells, its key table, the map of merged groups) before the query
 *     fails with a {@code RESOURCE_LIMIT_EXCEEDED} error naming this limit, bounding its memory
 */
public record EngineConfig(int threads, int defaultVectorSize, int maxBitmapUnion, long maxGroupByBytes) {

  /** Druid's default batch size. */
  public static final int DRUID_VECTOR_SIZE = 512;

  public EngineConfig {
    if (threads < 1) {
      throw new IllegalArgumentException("engine threads=" + threads + " must be >= 1");
    }
    if (defaultVectorSize < 1) {
      throw new IllegalArgumentException("engine defaultVectorSize=" + defaultVectorSize + " must be >= 1");
    }
    if (maxBitmapUnion < 0) {
      throw new IllegalArgumentException("engine maxBitmapUnion=" + maxBitmapUnion + " must be >= 0");
    }
    if (maxGroupByBytes < 1) {
      throw new IllegalArgumentException("engine maxGroupByBytes=" + maxGroupByBytes + " must be >= 1");
    }
  }

  /** Defaults: one thread per core, Druid's vector size, 4096 bitmaps, 1 GiB per group-by structure. */
  public static EngineConfig defaults() {
    return new EngineConfig(Runtime.getRuntime().availableProcessors(), DRUID_VECTOR_SIZE, 4096, 1L << 30);
  }

  public EngineConfig withThreads(int newThreads) {
    return new EngineConfig(newThreads, defaultVectorSize, maxBitmapUnion, maxGroupByBytes);
  }

  public EngineConfig withMaxBitmapUnion(int newMaxBitmapUnion) {
    return new EngineConfig(threads, defaultVectorSize, newMaxBitmapUnion, maxGroupByBytes);
  }

  public EngineConfig withMaxGroupByBytes(long newMaxBytes) {
    return new EngineConfig(threads, defaultVectorSize, maxBitmapUnion, newMaxBytes);
  }
}
