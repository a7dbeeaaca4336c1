package io.nemeton.bitmap.internal;

import java.util.Arrays;

/**
 * Rows grouped by dictionary id with a counting sort: the rows holding id {@code i} are
 * {@code rows[starts[i], starts[i + 1])}, ascending. A row listed twice for one id (a multi-value
 * row repeating a value) appears twice, next to itself; the encoder writes it once.
 *
 * <p>The static factories build an immutable grouping with arrays of its own: {@code 4 *
 * (cardinality + 1)} bytes of starts and 4 bytes per (row, id) pair, nothing per row. A grouping made
 * with {@link #RowsByValue()} is regrouped in place by {@link #groupSingleValued}, which reuses its
 * arrays and allocates only when a column is larger than any before. Not thread-safe.
 */
public final class RowsByValue {
  private int[] starts;
  private int[] rows;
  private int cardinality;
  /** One past the largest row when known without a scan (a single-value column: its row count), else -1. */
  private int knownRowLimit = -1;

  private RowsByValue(int[] starts, int[] rows) {
    this.starts = starts;
    this.rows = rows;
    this.cardinality = starts.length - 1;
  }

  /** An empty grouping (no ids) whose arrays {@link #groupSingleValued} fills and reuses. */
  public RowsByValue() {
    this(new int[1], new int[0]);
  }

  /**
   * Regroups this object in place: row {@code r} in {@code [0, rowCount)} holds the single id
   * {@code ids[r]}; the same rows and ids as {@link #singleValued}. Previously returned arrays
   * ({@link #rows()}) become invalid.
   *
   * @throws IllegalArgumentException naming the row when an id is outside {@code [0, cardinality)},
   *     or when rowCount is outside {@code [0, ids.length]}
   */
  public RowsByValue groupSingleValued(int[] ids, int rowCount, int cardinality) {
    if (rowCount < 0 || rowCount > ids.length) {
      throw new IllegalArgumentException("rowCount=" + rowCount + " is outside [0, ids length=" + ids.length + "]");
    }
    if (cardinality < 0) {
      throw new IllegalArgumentException("cardinality=" + cardinality + " is negative");
    }
    if (starts.length < cardinality + 1) {
      starts = new int[cardinality + 1];
    } else {
      Arrays.fill(starts, 0, cardinality + 1, 0);
    }
    if (rows.length < rowCount) {
      rows = new int[rowCount];
    }
    this.cardinality = cardinality;
    this.knownRowLimit = cardinality == 0 ? 0 : rowCount;
    count(ids, rowCount, cardinality, starts);
    final int[] positions = starts;
    prefixSum(positions, cardinality + 1);
    final int[] grouped = rows;
    for (int row = 0; row < rowCount; row++) {
      grouped[positions[ids[row]]++] = row;
    }
    shiftToStarts(positions, cardinality + 1);
    return this;
  }

  /** Counts each id into {@code positions[id + 1]}, checking the ids first in 1,024-row blocks. */
  private static void count(int[] ids, int rowCount, int cardinality, int[] positions) {
    for (int from = 0; from < rowCount; from += 1024) {
      final int to = Math.min(rowCount, from + 1024);
      int min = 0;
      int max = -1;
      for (int row = from; row < to; row++) {
        min = Math.min(min, ids[row]);
        max = Math.max(max, ids[row]);
      }
      if (min < 0 || max >= cardinality) {
        for (int row = from; row < to; row++) {
          if (ids[row] < 0 || ids[row] >= cardinality) {
            throw badId(row, ids[row], cardinality);
          }
        }
      }
      for (int row = from; row < to; row++) {
        positions[ids[row] + 1]++;
      }
    }
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

  /**
   * One past the largest row when it is known without a scan, else -1: after {@link
   * #groupSingleValued} every row below the row count holds an id, so it is the row count.
   */
  public int knownRowLimit() {
    return knownRowLimit;
  }

  /** Number of dictionary ids. */
  public int cardinality() {
    return cardinality;
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
    prefixSum(positions, positions.length);
  }

  private static void prefixSum(int[] positions, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += positions[i];
      positions[i] = sum;
    }
  }

  /**
   * After the scatter, positions[i] is where id i ends, which is where id i + 1 starts: shifting
   * by one turns the same array into the starts, without a second array of cardinality size.
   */
  private static int[] shiftToStarts(int[] positions) {
    shiftToStarts(positions, positions.length);
    return positions;
  }

  private static void shiftToStarts(int[] positions, int length) {
    System.arraycopy(positions, 0, positions, 1, length - 1);
    positions[0] = 0;
  }

  private static IllegalArgumentException badId(int row, int id, int cardinality) {
    return new IllegalArgumentException(
        "row=" + row + ": dictionary id=" + id + " is outside [0, cardinality=" + cardinality + ")");
  }
}
