package io.nemeton.bitmap.internal;

import java.util.Arrays;

/**
 * Rows grouped by dictionary id with a counting sort: the rows holding id {@code i} are
 * {@code rows[starts[i], starts[i + 1])}, ascending. A row listed twice for one id (a multi-value
 * row repeating a value) appears twice, next to itself; the encoder writes it once.
 *
 * <p>Immutable once built; the arrays are owned by this object. Building allocates
 * {@code 4 * (cardinality + 1)} bytes of starts and 4 bytes per (row, id) pair, and nothing per row.
 */
public final class RowsByValue {
  private final int[] starts;
  private final int[] rows;

  private RowsByValue(int[] starts, int[] rows) {
    this.starts = starts;
    this.rows = rows;
  }

  /** Row {@code r} in {@code [0, rowCount)} holds the single id {@code ids[r]}. */
  public static RowsByValue singleValued(int[] ids, int rowCount, int cardinality) {
    if (rowCount < 0 || rowCount > ids.length) {
      throw new IllegalArgumentException("rowCount=" + rowCount + " is outside [0, ids length=" + ids.length + "]");
    }
    final int[] positions = new int[cardinality + 1];
    for (int row = 0; row < rowCount; row++) {
      final int id = ids[row];
      if (id < 0 || id >= cardinality) {
        throw badId(row, id, cardinality);
      }
      positions[id + 1]++;
    }
    prefixSum(positions);
    final int[] rows = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      rows[positions[ids[row]]++] = row;
    }
    return new RowsByValue(shiftToStarts(positions), rows);
  }

  /**
   * Row {@code r} in {@code [0, rowCount)} holds the ids {@code ids[rowStarts[r], rowStarts[r + 1])};
   * a row with no ids is in no bitmap.
   */
  public static RowsByValue multiValued(int[] rowStarts, int[] ids, int rowCount, int cardinality) {
    if (rowCount < 0 || rowStarts.length < rowCount + 1) {
      throw new IllegalArgumentException(
          "rowCount=" + rowCount + " needs rowStarts length>=" + (rowCount + 1L) + " but length=" + rowStarts.length);
    }
    final int first = rowStarts[0];
    if (first < 0) {
      throw new IllegalArgumentException("rowStarts[0]=" + first + " is negative");
    }
    final int[] positions = new int[cardinality + 1];
    for (int row = 0; row < rowCount; row++) {
      final int from = rowStarts[row];
      final int to = rowStarts[row + 1];
      if (to < from || to > ids.length) {
        throw new IllegalArgumentException("row=" + row + ": rowStarts[" + (row + 1) + "]=" + to
            + " is below rowStarts[" + row + "]=" + from + " or past ids length=" + ids.length);
      }
      for (int i = from; i < to; i++) {
        final int id = ids[i];
        if (id < 0 || id >= cardinality) {
          throw badId(row, id, cardinality);
        }
        positions[id + 1]++;
      }
    }
    prefixSum(positions);
    final int[] rows = new int[rowStarts[rowCount] - first];
    for (int row = 0; row < rowCount; row++) {
      final int to = rowStarts[row + 1];
      for (int i = rowStarts[row]; i < to; i++) {
        rows[positions[ids[i]]++] = row;
      }
    }
    return new RowsByValue(shiftToStarts(positions), rows);
  }

  /**
   * Pairs {@code (ids[i], rows[i])} for {@code i < count}, already checked by the caller. When
   * {@code rowsAscending} is false each id's rows are sorted after grouping.
   */
  public static RowsByValue pairs(int[] ids, int[] rows, int count, int cardinality, boolean rowsAscending) {
    final int[] positions = new int[cardinality + 1];
    for (int i = 0; i < count; i++) {
      positions[ids[i] + 1]++;
    }
    prefixSum(positions);
    final int[] grouped = new int[count];
    for (int i = 0; i < count; i++) {
      grouped[positions[ids[i]]++] = rows[i];
    }
    final int[] starts = shiftToStarts(positions);
    if (!rowsAscending) {
      for (int id = 0; id < cardinality; id++) {
        Arrays.sort(grouped, starts[id], starts[id + 1]);
      }
    }
    return new RowsByValue(starts, grouped);
  }

  /** Number of dictionary ids. */
  public int cardinality() {
    return starts.length - 1;
  }

  /** Rows of all ids, grouped by id; valid for the life of this object. */
  public int[] rows() {
    return rows;
  }

  /** Index in {@link #rows()} of the first row of {@code id}. */
  public int start(int id) {
    return starts[id];
  }

  /** Index in {@link #rows()} just past the last row of {@code id}. */
  public int end(int id) {
    return starts[id + 1];
  }

  private static void prefixSum(int[] positions) {
    int sum = 0;
    for (int i = 0; i < positions.length; i++) {
      sum += positions[i];
      positions[i] = sum;
    }
  }

  /**
   * After the scatter, positions[i] is where id i ends, which is where id i + 1 starts: shifting
   * by one turns the same array into the starts, without a second array of cardinality size.
   */
  private static int[] shiftToStarts(int[] positions) {
    System.arraycopy(positions, 0, positions, 1, positions.length - 1);
    positions[0] = 0;
    return positions;
  }

  private static IllegalArgumentException badId(int row, int id, int cardinality) {
    return new IllegalArgumentException(
        "row=" + row + ": dictionary id=" + id + " is outside [0, cardinality=" + cardinality + ")");
  }
}
