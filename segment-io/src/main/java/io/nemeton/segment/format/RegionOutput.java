package io.nemeton.segment.format;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.memory.OffHeapBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Streams the regions of a segment file to a channel through one off-heap buffer, aligning each
 * region's start, computing its CRC32C on the way and recording its table-of-contents entry. One
 * region is open at a time; its bytes may arrive in any number of writes.
 *
 * <p>Not thread-safe. Owns its buffer until {@link #close()}; does not close the channel.
 */
final class RegionOutput implements AutoCloseable {
  /** Large enough that a write is one system call per MiB, small enough to stay in L2/L3. */
  private static final int BUFFER_BYTES = 1 << 20;
  private static final byte[] ZEROS = new byte[SegmentFileLayout.REGION_ALIGNMENT];

  private final FileChannel channel;
  private final OffHeapBuffer buffer;
  private final ByteBuffer pending;
  private final CRC32C crc = new CRC32C();
  private final List<RegionEntry> regions = new ArrayList<>();
  private long position;
  private int regionColumn = -1;
  private RegionKind regionKind;
  private long regionStart;

  /** Writes from the channel's current position, which is {@code startPosition}. */
  RegionOutput(FileChannel channel, long startPosition) {
    this.channel = channel;
    this.position = startPosition;
    this.buffer = OffHeapBuffer.allocate("segment-writer", BUFFER_BYTES);
    this.pending = buffer.segment().asByteBuffer();
  }

  /** Pads to the region alignment and opens a region. */
  void begin(int column, RegionKind kind) {
    if (regionKind != null) {
      throw new IllegalStateException("region " + regionKind + " of column " + regionColumn + " still open");
    }
    align();
    regionColumn = column;
    regionKind = kind;
    regionStart = position;
    crc.reset();
  }

  /** Bytes written to the open region so far: the offset, in the region, of the next byte. */
  long regionBytes() {
    return position - regionStart;
  }

  void write(byte[] source, int offset, int length) {
    if (regionKind != null) {
      crc.update(source, offset, length);
    }
    int done = 0;
    while (done < length) {
      if (!pending.hasRemaining()) {
        flush();
      }
      int chunk = Math.min(length - done, pending.remaining());
      pending.put(source, offset + done, chunk);
      done += chunk;
    }
    position += length;
  }

  void write(GrowableBytes bytes) {
    write(bytes.array(), 0, bytes.size());
  }

  /** Closes the open region and returns its table-of-contents entry. */
  RegionEntry end() {
    RegionEntry entry = new RegionEntry(regionColumn, regionKind, (int) crc.getValue(), regionStart, regionBytes());
    regions.add(entry);
    regionKind = null;
    regionColumn = -1;
    return entry;
  }

  /** Pads to the region alignment outside any region (used before the table of contents). */
  void align() {
    int pad = (int) ((SegmentFileLayout.REGION_ALIGNMENT - position % SegmentFileLayout.REGION_ALIGNMENT)
        % SegmentFileLayout.REGION_ALIGNMENT);
    if (pad > 0) {
      write(ZEROS, 0, pad);
    }
  }

  /** Regions written so far, in file order. */
  List<RegionEntry> regions() {
    return regions;
  }

  /** Bytes of the file written so far, header included. */
  long position() {
    return position;
  }

  void flush() {
    pending.flip();
    try {
      while (pending.hasRemaining()) {
        channel.write(pending);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pending.clear();
  }

  @Override
  public void close() {
    buffer.close();
  }
}
