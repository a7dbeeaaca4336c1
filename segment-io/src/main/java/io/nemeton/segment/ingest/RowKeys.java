package io.nemeton.segment.ingest;

import java.util.List;

/**
 * The sort and rollup key of a row: {@code __time}, then each dimension in spec order. Strings
 * compare by dictionary rank (lists element by element), numbers by value; null sorts first.
 * Equality compares codes and bits, so it needs no ranks. {@link #refresh} takes the dimensions and
 * ranks as they are now; call it before each sort or merge.
 *
 * <p>Not thread-safe.
 */
final class RowKeys {
  static final byte STRING = 0;
  static final byte LONG = 1;
  static final byte DOUBLE = 2;

  int count;
  byte[] kinds = new byte[0];
  int[] columns = new int[0];
  int[] nullColumns = new int[0];
  StringField[] fields = new StringField[0];
  int[][] ranks = new int[0][];

  void refresh(InputSchema schema) {
    final List<DimensionColumn> dimensions = schema.dimensions();
    count = dimensions.size();
    kinds = new byte[count];
    columns = new int[count];
    nullColumns = new int[count];
    fields = new StringField[count];
    ranks = new int[count][];
    for (int k = 0; k < count; k++) {
      final DimensionColumn dimension = dimensions.get(k);
      columns[k] = dimension.column();
      nullColumns[k] = dimension.nullColumn();
      switch (dimension.type()) {
        case STRING -> {
          kinds[k] = STRING;
          fields[k] = dimension.stringField();
          ranks[k] = dimension.stringField().dictionary.ranks();
        }
        case LONG -> kinds[k] = LONG;
        case FLOAT, DOUBLE -> kinds[k] = DOUBLE;
      }
    }
  }

  /** Full key order of two rows. */
  int compare(RowColumns a, int rowA, RowColumns b, int rowB) {
    final int byTime = Long.compare(a.time[rowA], b.time[rowB]);
    return byTime != 0 ? byTime : compareDimensions(0, a, rowA, b, rowB);
  }

  /** Order by dimensions {@code from..count-1}. */
  int compareDimensions(int from, RowColumns a, int rowA, RowColumns b, int rowB) {
    for (int k = from; k < count; k++) {
      final int column = columns[k];
      final int result;
      switch (kinds[k]) {
        case STRING -> {
          final int codeA = a.ints[column][rowA];
          final int codeB = b.ints[column][rowB];
          if (codeA == codeB) {
            continue;
          }
          if (codeA >= 0 && codeB >= 0) {
            final int[] rank = ranks[k];
            result = Integer.compare(rank[codeA], rank[codeB]);
          } else {
            result = fields[k].compareCodes(codeA, codeB, ranks[k]);
          }
        }
        case LONG -> {
          final int nullColumn = nullColumns[k];
          final int nullA = a.nulls[nullColumn][rowA];
          final int nullB = b.nulls[nullColumn][rowB];
          result = nullA != nullB ? Integer.compare(nullB, nullA)
              : nullA != 0 ? 0 : Long.compare(a.longs[column][rowA], b.longs[column][rowB]);
        }
        default -> {
          final int nullColumn = nullColumns[k];
          final int nullA = a.nulls[nullColumn][rowA];
          final int nullB = b.nulls[nullColumn][rowB];
          result = nullA != nullB ? Integer.compare(nullB, nullA)
              : nullA != 0 ? 0 : Double.compare(a.doubles[column][rowA], b.doubles[column][rowB]);
        }
      }
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /** True when two rows have equal keys (rollup merges them). */
  boolean equal(RowColumns a, int rowA, RowColumns b, int rowB) {
    if (a.time[rowA] != b.time[rowB]) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      final int column = columns[k];
      switch (kinds[k]) {
        case STRING -> {
          if (a.ints[column][rowA] != b.ints[column][rowB]) {
            return false;
          }
        }
        case LONG -> {
          final byte nullA = a.nulls[nullColumns[k]][rowA];
          if (nullA != b.nulls[nullColumns[k]][rowB] || (nullA == 0 && a.longs[column][rowA] != b.longs[column][rowB])) {
            return false;
          }
        }
        default -> {
          final byte nullA = a.nulls[nullColumns[k]][rowA];
          if (nullA != b.nulls[nullColumns[k]][rowB] || (nullA == 0
              && Double.doubleToLongBits(a.doubles[column][rowA]) != Double.doubleToLongBits(b.doubles[column][rowB]))) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
