package io.nemeton.segment.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sorted run spilled to disk: rows of a {@link RowStore} in key order, in blocks of up to
 * {@link #BLOCK_ROWS} rows written as the store's row bytes, so writing and reading are bulk
 * copies. Dictionary codes are global and stay valid. Layout, little-endian:
 *
 * <pre>
 * header: magic "NRUN" | int version=2 | int ints | int longs | int doubles | int nulls | int objects
 * block:  int rowCount | int bodyBytes | body
 * body:   rowCount x row bytes (the {@link RowStore} row layout with this header's column counts)
 *         | per object column, per row: int length (-1 for none) | bytes
 * </pre>
 *
 * The file ends after the last block. A run written before more string dimensions were
 * discovered has fewer codes per row; reading widens its rows with null codes. Not thread-safe.
 */
final class RunFile {
  static final int BLOCK_ROWS = 4096;
  private static final int MAGIC = 0x4E52554E;
  private static final int VERSION = 2;
  private static final int HEADER_BYTES = 28;

  private RunFile() {}

  /**
   * Appends sorted rows to a new run file in blocks of at most {@link #BLOCK_ROWS} rows. Also a
   * {@link RowSink}, so a merge can write its output as a run.
   */
  static final class Writer implements RowSink, AutoCloseable {
    private final FileChannel channel;
    private final RowStore block;
    private ByteBuffer buffer;
    private long rows;

    Writer(Path path, RowStore shape) throws IOException {
      channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(MAGIC).putInt(VERSION).putInt(shape.intColumns).putInt(shape.longColumns)
          .putInt(shape.doubleColumns).putInt(shape.nullColumns).putInt(shape.objectColumns).flip();
      writeFully(channel, header);
      block = new RowStore(BLOCK_ROWS, shape.intColumns, shape.longColumns, shape.doubleColumns, shape.nullColumns,
          shape.objectColumns);
      buffer = ByteBuffer.allocate(8 + BLOCK_ROWS * block.rowBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Appends rows {@code order[from, from + count)} of {@code source}, or rows {@code [from, from + count)} when order is null. */
    void append(RowStore source, int[] order, int from, int count) throws IOException {
      for (int done = 0; done < count; done += BLOCK_ROWS) {
        final int n = Math.min(BLOCK_ROWS, count - done);
        final RowStore rowsToWrite;
        final int first;
        if (order == null) {
          rowsToWrite = source;
          first = from + done;
        } else {
          block.gather(source, order, from + done, n, 0);
          rowsToWrite = block;
          first = 0;
        }
        final int rowBytes = rowsToWrite.rowBytes;
        final int bodyBytes = n * rowBytes + objectBytes(rowsToWrite, first, n);
        if (buffer.capacity() < 8 + bodyBytes) {
          buffer = ByteBuffer.allocate(8 + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        buffer.putInt(n).putInt(bodyBytes);
        buffer.put(rowsToWrite.bytes, first * rowBytes, n * rowBytes);
        for (Object[] column : rowsToWrite.objects) {
          for (int i = first; i < first + n; i++) {
            final byte[] state = (byte[]) column[i];
            if (state == null) {
              buffer.putInt(-1);
            } else {
              buffer.putInt(state.length).put(state);
            }
          }
        }
        buffer.flip();
        writeFully(channel, buffer);
        rows += n;
      }
      if (order != null) {
        block.clearObjects(0, BLOCK_ROWS);
      }
    }

    @Override
    public void accept(RowStore source, int[] order, int from, int count) throws IOException {
      append(source, order, from, count);
    }

    long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static int objectBytes(RowStore rows, int from, int count) {
    int bytes = 0;
    for (Object[] column : rows.objects) {
      for (int i = from; i < from + count; i++) {
        bytes += 4 + (column[i] == null ? 0 : ((byte[]) column[i]).length);
      }
    }
    return bytes;
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Reads a run block by block into a {@link RowStore} shaped like the current schema. */
  static final class Reader implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final int fileRowBytes;
    private final ByteBuffer blockHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer body = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    /** {@code shape}: the store blocks will be read into (this ingestion's current columns). */
    Reader(Path path, RowStore shape) throws IOException {
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      if (!readFully(header)) {
        throw new IOException("run file=" + path + ": empty");
      }
      header.flip();
      if (header.getInt() != MAGIC || header.getInt() != VERSION) {
        throw new IOException("run file=" + path + ": not a run file of version " + VERSION);
      }
      final int intColumns = header.getInt();
      if (intColumns > shape.intColumns || header.getInt() != shape.longColumns
          || header.getInt() != shape.doubleColumns || header.getInt() != shape.nullColumns
          || header.getInt() != shape.objectColumns) {
        throw new IOException("run file=" + path + ": column counts do not match this ingestion");
      }
      fileRowBytes = shape.rowBytesFor(intColumns);
    }

    /** Reads the next block into {@code block}; returns its rows, 0 at the end. */
    int next(RowStore block) throws IOException {
      blockHeader.clear();
      if (!readFully(blockHeader)) {
        return 0;
      }
      blockHeader.flip();
      final int count = blockHeader.getInt();
      final int bodyBytes = blockHeader.getInt();
      if (count <= 0 || count > block.capacity || bodyBytes < count * fileRowBytes) {
        throw new IOException("run file=" + path + ": corrupt block rows=" + count + " bytes=" + bodyBytes);
      }
      if (body.capacity() < bodyBytes) {
        body = ByteBuffer.allocate(bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
      }
      body.clear().limit(bodyBytes);
      if (!readFully(body)) {
        throw new IOException("run file=" + path + ": truncated block");
      }
      body.flip();
      if (fileRowBytes == block.rowBytes) {
        body.get(block.bytes, 0, count * fileRowBytes);
      } else {
        // older, narrower rows: codes discovered later are null
        java.util.Arrays.fill(block.bytes, 0, count * block.rowBytes, (byte) 0);
        for (int r = 0; r < count; r++) {
          body.get(block.bytes, r * block.rowBytes, fileRowBytes);
        }
      }
      for (Object[] column : block.objects) {
        for (int i = 0; i < count; i++) {
          final int length = body.getInt();
          if (length < 0) {
            column[i] = null;
          } else {
            final byte[] state = new byte[length];
            body.get(state);
            column[i] = state;
          }
        }
      }
      return count;
    }

    private boolean readFully(ByteBuffer buffer) throws IOException {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          if (buffer.position() == 0) {
            return false;
          }
          throw new IOException("run file=" + path + ": unexpected end of file");
        }
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
