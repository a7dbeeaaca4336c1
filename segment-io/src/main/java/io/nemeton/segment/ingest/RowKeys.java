package io.nemeton.segment.ingest;

import java.util.List;

/**
 * The sort and rollup key of a row: {@code __time}, then each dimension in spec order. Strings
 * compare in Java String order (lists element by element), numbers by value; null sorts first.
 * Equality compares codes and bits. Ranks (positions in String order) are fetched from the
 * dictionaries only when a sort packs a string key: comparing two values directly is cheaper
 * when only ties on time reach the strings, and saves re-ranking every value at every spill.
 * {@link #refresh} takes the dimensions as they are now; call it before each sort or merge.
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
        }
        case LONG -> kinds[k] = LONG;
        case FLOAT, DOUBLE -> kinds[k] = DOUBLE;
      }
    }
  }

  /** Ranks of key {@code k}'s dictionary (fetched on first use after a refresh). */
  int[] ranks(int k) {
    if (ranks[k] == null) {
      ranks[k] = fields[k].dictionary.ranks();
    }
    return ranks[k];
  }

  /** Full key order of two rows. */
  int compare(RowStore a, int rowA, RowStore b, int rowB) {
    final int byTime = Long.compare(a.time(rowA), b.time(rowB));
    return byTime != 0 ? byTime : compareDimensions(0, a, rowA, b, rowB);
  }

  /** Order by dimensions {@code from..count-1}. */
  int compareDimensions(int from, RowStore a, int rowA, RowStore b, int rowB) {
    for (int k = from; k < count; k++) {
      final int column = columns[k];
      final int result;
      switch (kinds[k]) {
        case STRING -> {
          final int codeA = a.code(column, rowA);
          final int codeB = b.code(column, rowB);
          if (codeA == codeB) {
            continue;
          }
          if (codeA >= 0 && codeB >= 0) {
            result = ranks[k] != null ? Integer.compare(ranks[k][codeA], ranks[k][codeB])
                : fields[k].dictionary.compare(codeA, codeB);
          } else {
            result = fields[k].compareCodes(codeA, codeB, ranks(k));
          }
        }
        case LONG -> {
          final int nullColumn = nullColumns[k];
          final int nullA = a.isNull(nullColumn, rowA);
          final int nullB = b.isNull(nullColumn, rowB);
          result = nullA != nullB ? Integer.compare(nullB, nullA)
              : nullA != 0 ? 0 : Long.compare(a.longValue(column, rowA), b.longValue(column, rowB));
        }
        default -> {
          final int nullColumn = nullColumns[k];
          final int nullA = a.isNull(nullColumn, rowA);
          final int nullB = b.isNull(nullColumn, rowB);
          result = nullA != nullB ? Integer.compare(nullB, nullA)
              : nullA != 0 ? 0 : Double.compare(a.doubleValue(column, rowA), b.doubleValue(column, rowB));
        }
      }
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /** True when two rows have equal keys (rollup merges them). */
  boolean equal(RowStore a, int rowA, RowStore b, int rowB) {
    if (a.time(rowA) != b.time(rowB)) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      final int column = columns[k];
      switch (kinds[k]) {
        case STRING -> {
          if (a.code(column, rowA) != b.code(column, rowB)) {
            return false;
          }
        }
        case LONG -> {
          final byte nullA = a.isNull(nullColumns[k], rowA);
          if (nullA != b.isNull(nullColumns[k], rowB)
              || (nullA == 0 && a.longValue(column, rowA) != b.longValue(column, rowB))) {
            return false;
          }
        }
        default -> {
          final byte nullA = a.isNull(nullColumns[k], rowA);
          if (nullA != b.isNull(nullColumns[k], rowB) || (nullA == 0
              && Double.doubleToLongBits(a.doubleValue(column, rowA)) != Double.doubleToLongBits(b.doubleValue(column, rowB)))) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
