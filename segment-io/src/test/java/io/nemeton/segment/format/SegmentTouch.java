package io.nemeton.segment.format;

/** Reads every byte a query could reach in a segment: all blocks, bitmaps, nulls and values. */
final class SegmentTouch {
  private SegmentTouch() {}

  static long readEverything(Segment segment) {
    long checksum = 0;
    for (String name : segment.columnNames()) {
      ColumnReader column = segment.column(name);
      switch (column) {
        case TimeColumnReader time -> {
          long[] batch = new long[time.rowsPerBlock()];
          for (int b = 0; b < time.blockCount(); b++) {
            checksum += time.readBlock(b, batch) + batch[0];
          }
          checksum += time.lowerBoundRow(RandomSegments.START_MS + RandomSegments.DAY_MS / 2);
        }
        case LongColumnReader longs -> {
          long[] batch = new long[longs.rowsPerBlock()];
          for (int b = 0; b < longs.blockCount(); b++) {
            checksum += longs.readBlock(b, batch) + batch[0];
          }
          checksum += longs.nullRows().getCardinality();
        }
        case FloatColumnReader floats -> {
          float[] batch = new float[floats.rowsPerBlock()];
          for (int b = 0; b < floats.blockCount(); b++) {
            checksum += floats.readBlock(b, batch);
          }
          checksum += floats.nullRows().getCardinality();
        }
        case DoubleColumnReader doubles -> {
          double[] batch = new double[doubles.rowsPerBlock()];
          for (int b = 0; b < doubles.blockCount(); b++) {
            checksum += doubles.readBlock(b, batch);
          }
          checksum += doubles.nullRows().getCardinality();
        }
        case StringColumnReader strings -> {
          int[] rowStarts = new int[strings.rowsPerBlock() + 1];
          int[] ids = new int[Math.max(strings.rowsPerBlock(), strings.maxBlockValueCount())];
          for (int b = 0; b < strings.blockCount(); b++) {
            checksum += strings.readMultiValueBlock(b, rowStarts, ids);
          }
          for (int id = 0; id < strings.cardinality(); id++) {
            String value = strings.value(id);
            checksum += value == null ? 0 : value.length();
            checksum += strings.lookupId(value);
            checksum += strings.bitmap(id).getCardinality();
          }
        }
        case ComplexColumnReader complex -> {
          ComplexBlock block = new ComplexBlock();
          for (int b = 0; b < complex.blockCount(); b++) {
            checksum += complex.readBlock(b, block);
            for (int i = 0; i < block.rowCount(); i++) {
              checksum += block.valueSizeBytes(i);
            }
          }
        }
      }
    }
    return checksum;
  }
}
