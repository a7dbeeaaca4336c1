package io.nemeton.segment.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sorted run spilled to disk: the rows of a {@link RowColumns}, in key order, in blocks of up
 * to {@link #BLOCK_ROWS} rows, each block column by column so it is written and read with bulk
 * copies. Dictionary codes are global and stay valid. Layout, little-endian:
 *
 * <pre>
 * header: magic "NRUN" | int version=1 | int ints | int longs | int doubles | int nulls | int objects
 * block:  int rowCount | int bodyBytes | body
 * body:   long time[rowCount] | int codes[rowCount] per int column | long[rowCount] per long column
 *         | double[rowCount] per double column | byte[rowCount] per null column
 *         | per object column, per row: int length (-1 for none) | bytes
 * </pre>
 *
 * The file ends after the last block. Not thread-safe.
 */
final class RunFile {
  static final int BLOCK_ROWS = 4096;
  private static final int MAGIC = 0x4E52554E;
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = 28;

  private RunFile() {}

  /**
   * Appends sorted rows to a new run file in blocks of at most {@link #BLOCK_ROWS} rows. Also a
   * {@link RowSink}, so a merge can write its output as a run.
   */
  static final class Writer implements RowSink, AutoCloseable {
    private final FileChannel channel;
    private final RowColumns block;
    private ByteBuffer buffer;
    private long rows;

    Writer(Path path, RowColumns shape) throws IOException {
      channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(MAGIC).putInt(VERSION).putInt(shape.ints.length).putInt(shape.longs.length)
          .putInt(shape.doubles.length).putInt(shape.nulls.length).putInt(shape.objects.length).flip();
      writeFully(channel, header);
      block = new RowColumns(BLOCK_ROWS, shape.ints.length, shape.longs.length, shape.doubles.length,
          shape.nulls.length, shape.objects.length);
      buffer = ByteBuffer.allocate(8 + BLOCK_ROWS * fixedBytesPerRow(shape)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Appends rows {@code order[from, from + count)} of {@code source}, or rows {@code [from, from + count)} when order is null. */
    void append(RowColumns source, int[] order, int from, int count) throws IOException {
      for (int done = 0; done < count; done += BLOCK_ROWS) {
        final int n = Math.min(BLOCK_ROWS, count - done);
        final RowColumns rowsToWrite;
        final int first;
        if (order == null) {
          rowsToWrite = source;
          first = from + done;
        } else {
          block.gather(source, order, from + done, n, 0);
          rowsToWrite = block;
          first = 0;
        }
        final int bodyBytes = n * fixedBytesPerRow(block) + objectBytes(rowsToWrite, first, n);
        if (buffer.capacity() < 8 + bodyBytes) {
          buffer = ByteBuffer.allocate(8 + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        buffer.putInt(n).putInt(bodyBytes);
        encode(buffer, rowsToWrite, first, n, block.ints.length);
        buffer.flip();
        writeFully(channel, buffer);
        rows += n;
      }
      if (order != null) {
        block.clearObjects(0, BLOCK_ROWS);
      }
    }

    @Override
    public void accept(RowColumns source, int from, int count) throws IOException {
      append(source, null, from, count);
    }

    long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static int fixedBytesPerRow(RowColumns rows) {
    return 8 + 4 * rows.ints.length + 8 * rows.longs.length + 8 * rows.doubles.length + rows.nulls.length;
  }

  private static int objectBytes(RowColumns rows, int from, int count) {
    int bytes = 0;
    for (Object[] column : rows.objects) {
      for (int i = from; i < from + count; i++) {
        bytes += 4 + (column[i] == null ? 0 : ((byte[]) column[i]).length);
      }
    }
    return bytes;
  }

  private static void encode(ByteBuffer buffer, RowColumns rows, int from, int count, int intColumns) {
    int position = buffer.position();
    buffer.asLongBuffer().put(rows.time, from, count);
    position += count * 8;
    for (int c = 0; c < intColumns; c++) {
      buffer.position(position);
      buffer.asIntBuffer().put(rows.ints[c], from, count);
      position += count * 4;
    }
    for (long[] column : rows.longs) {
      buffer.position(position);
      buffer.asLongBuffer().put(column, from, count);
      position += count * 8;
    }
    for (double[] column : rows.doubles) {
      buffer.position(position);
      buffer.asDoubleBuffer().put(column, from, count);
      position += count * 8;
    }
    buffer.position(position);
    for (byte[] column : rows.nulls) {
      buffer.put(column, from, count);
    }
    for (Object[] column : rows.objects) {
      for (int i = from; i < from + count; i++) {
        final byte[] state = (byte[]) column[i];
        if (state == null) {
          buffer.putInt(-1);
        } else {
          buffer.putInt(state.length).put(state);
        }
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Reads a run block by block into a {@link RowColumns} shaped like the current schema. */
  static final class Reader implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final int intColumns;
    private final ByteBuffer blockHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer body = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    Reader(Path path, RowColumns shape) throws IOException {
      // shape: the columns blocks will be read into (this ingestion's current schema)
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      readFully(header);
      header.flip();
      if (header.getInt() != MAGIC || header.getInt() != VERSION) {
        throw new IOException("run file=" + path + ": not a run file of version " + VERSION);
      }
      intColumns = header.getInt();
      if (intColumns > shape.ints.length || header.getInt() != shape.longs.length
          || header.getInt() != shape.doubles.length || header.getInt() != shape.nulls.length
          || header.getInt() != shape.objects.length) {
        throw new IOException("run file=" + path + ": column counts do not match this ingestion");
      }
    }

    /** Reads the next block into {@code block}; returns its rows, 0 at the end. */
    int next(RowColumns block) throws IOException {
      blockHeader.clear();
      if (!readFully(blockHeader)) {
        return 0;
      }
      blockHeader.flip();
      final int count = blockHeader.getInt();
      final int bodyBytes = blockHeader.getInt();
      if (count <= 0 || count > block.capacity || bodyBytes < 0) {
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
      decode(block, count);
      return count;
    }

    private void decode(RowColumns block, int count) {
      int position = 0;
      body.asLongBuffer().get(block.time, 0, count);
      position += count * 8;
      for (int c = 0; c < block.ints.length; c++) {
        if (c < intColumns) {
          body.position(position);
          body.asIntBuffer().get(block.ints[c], 0, count);
          position += count * 4;
        } else {
          java.util.Arrays.fill(block.ints[c], 0, count, 0);
        }
      }
      for (long[] column : block.longs) {
        body.position(position);
        body.asLongBuffer().get(column, 0, count);
        position += count * 8;
      }
      for (double[] column : block.doubles) {
        body.position(position);
        body.asDoubleBuffer().get(column, 0, count);
        position += count * 8;
      }
      body.position(position);
      for (byte[] column : block.nulls) {
        body.get(column, 0, count);
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
