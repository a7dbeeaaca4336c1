package io.nemeton.codecs.internal;

import io.nemeton.memory.GrowableBytes;

/**
 * Writes the body of a {@code RUN_LENGTH} block shared by longs and ints (ints widened to longs):
 * run values as a horizontal stream of offsets from the block minimum, then run lengths minus one as
 * a second horizontal stream. The caller writes the run count and frame fields. Stateless; its
 * scratch comes from the caller's {@link EncoderScratch}.
 */
public final class RunLengthEncoder {
  private RunLengthEncoder() {}

  /** Appends both streams for {@code values[0, count)}. */
  public static void writeStreams(long[] values, int count, LongStatistics statistics, GrowableBytes out,
      EncoderScratch scratch) {
    final long[] runValues = scratch.runValues(statistics.runs);
    final long[] runLengths = scratch.runLengths(statistics.runs);
    java.util.Arrays.fill(runLengths, 0, statistics.runs, 0);
    int run = -1;
    for (int i = 0; i < count; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        run++;
        runValues[run] = values[i];
      }
      runLengths[run]++;
    }
    BitPacker.packHorizontal(runValues, 0, statistics.runs, statistics.min, statistics.width(), out);
    BitPacker.packHorizontal(runLengths, 0, statistics.runs, 1, statistics.runLengthWidth(), out);
  }

  /** Bytes of both streams. */
  public static long streamBytes(LongStatistics statistics) {
    return PackedLayout.horizontalBytes(statistics.runs, statistics.width())
        + PackedLayout.horizontalBytes(statistics.runs, statistics.runLengthWidth());
  }
}
