package io.nemeton.memory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file mapped read-only into memory, with its own {@link Arena}: the mapping lives exactly as
 * long as this object is open. Files larger than 2 GiB are mapped whole.
 *
 * <p>Thread-safe for reads. {@link #segment()} is valid until {@link #close()}; any access after
 * that fails with {@link IllegalStateException} rather than touching unmapped memory. Closing
 * while another thread reads is the caller's bug, as the shared arena then throws in the reader.
 */
public final class MappedFile implements AutoCloseable {
  private final Path path;
  private final Arena arena;
  private final MemorySegment segment;
  private boolean closed;

  private MappedFile(Path path, Arena arena, MemorySegment segment) {
    this.path = path;
    this.arena = arena;
    this.segment = segment;
  }

  /** Maps {@code path} read-only. An empty file gives an empty segment. */
  public static MappedFile open(Path path) throws IOException {
    Arena arena = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      MemorySegment segment = size == 0
          ? MemorySegment.NULL.reinterpret(0)
          : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      MappedFile file = new MappedFile(path, arena, segment);
      MemoryAccounting.mappingOpened(size);
      return file;
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  /** The whole file, read-only. Valid until {@link #close()}. */
  public MemorySegment segment() {
    return segment;
  }

  public long sizeBytes() {
    return segment.byteSize();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      arena.close();
      MemoryAccounting.mappingClosed(segment.byteSize());
    }
  }

  @Override
  public String toString() {
    return "MappedFile[" + path + ", " + segment.byteSize() + " bytes]";
  }
}
