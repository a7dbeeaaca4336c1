package io.nemeton.bench;

import java.nio.charset.StandardCharsets;

/**
 * Generates and writes rows of the {@link PaperSchema paper schema} as CSV or JSON lines.
 *
 * <p>Each block is made in two passes: first every column is drawn into a primitive array, each
 * column from its own random stream (seeded by data set seed, block and column), then the rows are
 * formatted by a loop chosen once per block for the output format. The same seed therefore gives
 * the same rows in CSV and in JSON. Timestamps are in random order within the day, as events
 * arrive at a real ingest, not sorted.
 *
 * <p>Not thread-safe (per-block scratch arrays, about 300 KB); use one instance per thread. Does
 * not allocate per block or per row.
 */
public final class PaperRowEncoder implements BlockEncoder {
  private static final int STREAM_TIME = 0;
  private static final int STREAM_HIGH = 1;
  private static final int STREAM_LOW_FIRST = 2;
  private static final int STREAM_METRIC1 = 6;
  private static final int STREAM_METRIC2 = 7;
  private static final int STREAM_METRIC3 = 8;
  private static final int STREAM_METRIC4 = 9;

  private static final ZipfSampler HIGH_SAMPLER = new ZipfSampler(PaperSchema.HIGH_CARDINALITY, PaperSchema.HIGH_ZIPF_EXPONENT);
  private static final byte[][][] LOW_TOKENS = lowTokens();
  private static final byte[] DAY_PREFIX = ascii(PaperSchema.DAY + "T");
  private static final byte[] CSV_HEADER = ascii(String.join(",", PaperSchema.COLUMNS) + "\n");
  private static final byte[][] JSON_KEYS = jsonKeys();

  private final long seed;
  private final OutputFormat format;
  private final DeterministicRandom random = new DeterministicRandom(0);
  private final int[] timeOfDay = new int[BlockParallelWriter.BLOCK_ROWS];
  private final int[] highIds = new int[BlockParallelWriter.BLOCK_ROWS];
  private final short[][] lowIds = new short[PaperSchema.LOW_CARDINALITIES.length][BlockParallelWriter.BLOCK_ROWS];
  private final long[] metric1 = new long[BlockParallelWriter.BLOCK_ROWS];
  private final long[] metric2 = new long[BlockParallelWriter.BLOCK_ROWS];
  private final long[] metric3Cents = new long[BlockParallelWriter.BLOCK_ROWS];
  private final long[] metric4TenThousandths = new long[BlockParallelWriter.BLOCK_ROWS];

  public PaperRowEncoder(long seed, OutputFormat format) {
    if (format == null) {
      throw new IllegalArgumentException("format=null: expected csv or json");
    }
    this.seed = seed;
    this.format = format;
  }

  @Override
  public byte[] header() {
    return format == OutputFormat.CSV ? CSV_HEADER.clone() : new byte[0];
  }

  @Override
  public void encode(long block, long firstRow, int rowCount, TextBuffer out) {
    if (rowCount < 0 || rowCount > BlockParallelWriter.BLOCK_ROWS) {
      throw new IllegalArgumentException("block=" + block + " rowCount=" + rowCount + ": must be in [0, " + BlockParallelWriter.BLOCK_ROWS + "]");
    }
    drawColumns(block, rowCount);
    switch (format) {
      case CSV -> writeCsv(rowCount, out);
      case JSON_LINES -> writeJson(rowCount, out);
    }
  }

  private void drawColumns(long block, int rowCount) {
    final DeterministicRandom r = random;
    r.reset(DeterministicRandom.streamSeed(seed, block, STREAM_TIME));
    final int[] times = timeOfDay;
    for (int i = 0; i < rowCount; i++) {
      times[i] = r.nextInt(PaperSchema.MILLIS_PER_DAY);
    }
    r.reset(DeterministicRandom.streamSeed(seed, block, STREAM_HIGH));
    final int[] high = highIds;
    final ZipfSampler sampler = HIGH_SAMPLER;
    for (int i = 0; i < rowCount; i++) {
      high[i] = PaperSchema.highId(sampler.sample(r));
    }
    // dim_10 and dim_100 are uniform; dim_1000 and dim_10000 are mildly skewed: id = floor(n u^1.5),
    // so P(id < k) = (k/n)^(2/3) and id 0 is 10x (dim_1000) or 21x (dim_10000) the uniform share.
    for (int column = 0; column < PaperSchema.LOW_CARDINALITIES.length; column++) {
      r.reset(DeterministicRandom.streamSeed(seed, block, STREAM_LOW_FIRST + column));
      final int cardinality = PaperSchema.LOW_CARDINALITIES[column];
      final short[] ids = lowIds[column];
      if (cardinality <= 100) {
        for (int i = 0; i < rowCount; i++) {
          ids[i] = (short) r.nextInt(cardinality);
        }
      } else {
        for (int i = 0; i < rowCount; i++) {
          final double u = r.nextDouble();
          ids[i] = (short) (cardinality * (u * Math.sqrt(u)));
        }
      }
    }
    drawUniform(block, STREAM_METRIC1, PaperSchema.METRIC1_MAX, metric1, rowCount);
    drawUniform(block, STREAM_METRIC2, PaperSchema.METRIC2_MAX, metric2, rowCount);
    drawUniform(block, STREAM_METRIC3, PaperSchema.METRIC3_MAX_CENTS, metric3Cents, rowCount);
    drawUniform(block, STREAM_METRIC4, PaperSchema.METRIC4_MAX_TEN_THOUSANDTHS, metric4TenThousandths, rowCount);
  }

  /** Fills {@code target} with values uniform over {@code [0, max]}. */
  private void drawUniform(long block, int stream, long max, long[] target, int rowCount) {
    final DeterministicRandom r = random;
    r.reset(DeterministicRandom.streamSeed(seed, block, stream));
    final long bound = max + 1;
    for (int i = 0; i < rowCount; i++) {
      target[i] = r.nextLong(bound);
    }
  }

  private void writeCsv(int rowCount, TextBuffer out) {
    final byte[][] tokens10 = LOW_TOKENS[0];
    final byte[][] tokens100 = LOW_TOKENS[1];
    final byte[][] tokens1000 = LOW_TOKENS[2];
    final byte[][] tokens10000 = LOW_TOKENS[3];
    final short[] ids10 = lowIds[0];
    final short[] ids100 = lowIds[1];
    final short[] ids1000 = lowIds[2];
    final short[] ids10000 = lowIds[3];
    for (int i = 0; i < rowCount; i++) {
      out.append(DAY_PREFIX);
      out.appendTimeOfDay(timeOfDay[i]);
      out.append('Z');
      out.append(',');
      out.append('u');
      out.appendBase36(highIds[i]);
      out.append(',');
      out.append(tokens10[ids10[i]]);
      out.append(',');
      out.append(tokens100[ids100[i]]);
      out.append(',');
      out.append(tokens1000[ids1000[i]]);
      out.append(',');
      out.append(tokens10000[ids10000[i]]);
      out.append(',');
      out.appendLong(metric1[i]);
      out.append(',');
      out.appendLong(metric2[i]);
      out.append(',');
      out.appendFixedPoint(metric3Cents[i], 2);
      out.append(',');
      out.appendFixedPoint(metric4TenThousandths[i], 4);
      out.append('\n');
    }
  }

  private void writeJson(int rowCount, TextBuffer out) {
    final byte[][] keys = JSON_KEYS;
    final byte[][] tokens10 = LOW_TOKENS[0];
    final byte[][] tokens100 = LOW_TOKENS[1];
    final byte[][] tokens1000 = LOW_TOKENS[2];
    final byte[][] tokens10000 = LOW_TOKENS[3];
    final short[] ids10 = lowIds[0];
    final short[] ids100 = lowIds[1];
    final short[] ids1000 = lowIds[2];
    final short[] ids10000 = lowIds[3];
    for (int i = 0; i < rowCount; i++) {
      out.append(keys[0]);
      out.append(DAY_PREFIX);
      out.appendTimeOfDay(timeOfDay[i]);
      out.append('Z');
      out.append(keys[1]);
      out.append('u');
      out.appendBase36(highIds[i]);
      out.append(keys[2]);
      out.append(tokens10[ids10[i]]);
      out.append(keys[3]);
      out.append(tokens100[ids100[i]]);
      out.append(keys[4]);
      out.append(tokens1000[ids1000[i]]);
      out.append(keys[5]);
      out.append(tokens10000[ids10000[i]]);
      out.append(keys[6]);
      out.appendLong(metric1[i]);
      out.append(keys[7]);
      out.appendLong(metric2[i]);
      out.append(keys[8]);
      out.appendFixedPoint(metric3Cents[i], 2);
      out.append(keys[9]);
      out.appendFixedPoint(metric4TenThousandths[i], 4);
      out.append('}');
      out.append('\n');
    }
  }

  /** The text of every low-cardinality value: its column's prefix letter and its id in base 36. */
  private static byte[][][] lowTokens() {
    final byte[][][] tokens = new byte[PaperSchema.LOW_CARDINALITIES.length][][];
    for (int column = 0; column < tokens.length; column++) {
      final int cardinality = PaperSchema.LOW_CARDINALITIES[column];
      tokens[column] = new byte[cardinality][];
      for (int id = 0; id < cardinality; id++) {
        tokens[column][id] = ascii(PaperSchema.LOW_PREFIXES[column] + Integer.toString(id, 36));
      }
    }
    return tokens;
  }

  /** {@code {"timestamp":"}, {@code ","dim_high":"}, ... {@code ,"metric4":}: the text between values. */
  private static byte[][] jsonKeys() {
    final byte[][] keys = new byte[PaperSchema.COLUMNS.size()][];
    for (int column = 0; column < keys.length; column++) {
      final boolean isString = column <= 5;
      final boolean previousIsString = column >= 1 && column - 1 <= 5;
      final String opening = column == 0 ? "{" : previousIsString ? "\"," : ",";
      keys[column] = ascii(opening + "\"" + PaperSchema.COLUMNS.get(column) + "\":" + (isString ? "\"" : ""));
    }
    return keys;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
