package io.nemeton.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Writes a generated data set block by block, encoding blocks on several threads and writing them
 * in order, so the output is the same bytes whatever the thread count.
 *
 * <p>Blocks are {@link #BLOCK_ROWS} rows. The pipeline has {@code 2 × threads} slots, each with its
 * own encoder and buffer; the caller's thread writes slot after slot in block order and refills a
 * slot with the block {@code 2 × threads} further on once it is written. Buffers are reused, so
 * memory stays at a few megabytes per slot whatever the row count.
 *
 * <p>Stateless; each call is independent. The output stream is not closed.
 */
public final class BlockParallelWriter {
  /**
   * Rows per block. Part of the data definition: every block's random streams are seeded by block
   * number, so changing this changes the generated rows.
   */
  public static final int BLOCK_ROWS = 8192;

  /** Most rows one call writes; far beyond any benchmark, it keeps block numbers in range. */
  public static final long MAX_ROWS = 1L << 40;

  public static final int MAX_THREADS = 256;

  private BlockParallelWriter() {}

  /**
   * Writes the header and {@code rows} rows to {@code out}.
   *
   * @param encoders makes one encoder per pipeline slot; each is used by one thread at a time
   * @return bytes written
   */
  public static long write(Supplier<? extends BlockEncoder> encoders, long rows, int threads, OutputStream out) throws IOException {
    if (rows < 0 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows=" + rows + ": must be in [0, " + MAX_ROWS + "]");
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads=" + threads + ": must be in [1, " + MAX_THREADS + "]");
    }
    final long blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    final int slots = (int) Math.max(1, Math.min(blocks, threads == 1 ? 1 : 2L * threads));
    final BlockEncoder[] slotEncoders = new BlockEncoder[slots];
    final TextBuffer[] slotBuffers = new TextBuffer[slots];
    for (int i = 0; i < slots; i++) {
      slotEncoders[i] = encoders.get();
      slotBuffers[i] = new TextBuffer(1 << 20);
    }
    final byte[] header = slotEncoders[0].header();
    out.write(header);
    long written = header.length;
    if (threads == 1) {
      for (long block = 0; block < blocks; block++) {
        encodeBlock(slotEncoders[0], slotBuffers[0], block, rows);
        slotBuffers[0].writeTo(out);
        written += slotBuffers[0].length();
      }
      return written;
    }
    final ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "bench-data-encoder");
      thread.setDaemon(true);
      return thread;
    });
    try {
      final Future<?>[] pending = new Future<?>[slots];
      for (int slot = 0; slot < slots; slot++) {
        pending[slot] = submit(pool, slotEncoders[slot], slotBuffers[slot], slot, rows);
      }
      for (long block = 0; block < blocks; block++) {
        final int slot = (int) (block % slots);
        await(pending[slot], block);
        slotBuffers[slot].writeTo(out);
        written += slotBuffers[slot].length();
        final long next = block + slots;
        if (next < blocks) {
          pending[slot] = submit(pool, slotEncoders[slot], slotBuffers[slot], next, rows);
        }
      }
      return written;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Future<?> submit(ExecutorService pool, BlockEncoder encoder, TextBuffer buffer, long block, long rows) {
    return pool.submit(() -> encodeBlock(encoder, buffer, block, rows));
  }

  private static void encodeBlock(BlockEncoder encoder, TextBuffer buffer, long block, long rows) {
    final long firstRow = block * BLOCK_ROWS;
    buffer.clear();
    encoder.encode(block, firstRow, (int) Math.min(BLOCK_ROWS, rows - firstRow), buffer);
  }

  private static void await(Future<?> future, long block) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while encoding block=" + block, e);
    } catch (ExecutionException e) {
      final Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("encoding block=" + block + " failed", cause);
    }
  }
}
