package io.nemeton.codecs;

/**
 * Generic block compression for cold regions. The id is stored on disk: never renumber. Immutable
 * and thread-safe; {@link #fromId} does not allocate.
 */
public enum Compression {
  NONE(0),
  LZ4(1),
  ZSTD(2);

  private static final Compression[] VALUES = values();

  private final int id;

  Compression(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public static Compression fromId(int id) {
    for (Compression compression : VALUES) {
      if (compression.id == id) {
        return compression;
      }
    }
    throw new CodecException("unknown compression id=" + id + " (known: 0 none, 1 lz4, 2 zstd)");
  }
}
