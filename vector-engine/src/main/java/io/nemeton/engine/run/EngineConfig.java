package io.nemeton.engine.run;

/**
 * Settings of a query engine, validated when built. Immutable.
 *
 * @param threads segments scanned at once (the bounded pool's size), at least 1
 * @param defaultVectorSize rows per batch when the query context has no {@code vectorSize}
 * @param maxBitmapUnion most dictionary values a string filter unions as bitmaps before testing
 *     ids per row instead
 * @param maxGroupByGroups most groups a groupBy (or topN) may hold on one node before it fails
 *     with a resource error, bounding its memory
 */
public record EngineConfig(int threads, int defaultVectorSize, int maxBitmapUnion, int maxGroupByGroups) {

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
    if (maxGroupByGroups < 1) {
      throw new IllegalArgumentException("engine maxGroupByGroups=" + maxGroupByGroups + " must be >= 1");
    }
  }

  /** Defaults: one thread per core, Druid's vector size, 4096 bitmaps, 10 million groups. */
  public static EngineConfig defaults() {
    return new EngineConfig(Runtime.getRuntime().availableProcessors(), DRUID_VECTOR_SIZE, 4096, 10_000_000);
  }

  public EngineConfig withThreads(int newThreads) {
    return new EngineConfig(newThreads, defaultVectorSize, maxBitmapUnion, maxGroupByGroups);
  }

  public EngineConfig withMaxBitmapUnion(int newMaxBitmapUnion) {
    return new EngineConfig(threads, defaultVectorSize, newMaxBitmapUnion, maxGroupByGroups);
  }

  public EngineConfig withMaxGroupByGroups(int newMaxGroups) {
    return new EngineConfig(threads, defaultVectorSize, maxBitmapUnion, newMaxGroups);
  }
}
