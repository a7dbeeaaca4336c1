package io.nemeton.engine.kernel;

/**
 * The rows of one batch that a filter keeps: either all rows (not materialized), no rows, or an
 * ascending list of positions. Aggregators take the "all rows" short-cut with their {@code
 * (values, count)} forms and skip a batch with no rows; filters combine with {@link #and} and
 * {@link #or}, which take the short-cuts before merging lists.
 *
 * <p>Mutable scratch that belongs to one query thread and is reused batch after batch: not
 * thread-safe; allocates only in its constructor. {@link #positions()} stays valid (and is
 * overwritten) until the next change.
 */
public final class Selection {
  private final int[] positions;
  private int count;
  private boolean allRows;

  /**
   * Scratch for batches of up to {@code capacityRows} rows, selecting none.
   *
   * @throws IllegalArgumentException when capacityRows is negative
   */
  public Selection(int capacityRows) {
    if (capacityRows < 0) {
      throw new IllegalArgumentException(
          "selection capacityRows=" + capacityRows + " must be >= 0");
    }
    this.positions = new int[capacityRows];
  }

  /**
   * Selects all rows of a batch of {@code rowCount} rows.
   *
   * @throws IllegalArgumentException when rowCount is outside {@code [0, capacityRows]}
   */
  public void selectAll(int rowCount) {
    checkRowCount(rowCount);
    count = rowCount;
    allRows = true;
  }

  public void selectNone() {
    count = 0;
    allRows = false;
  }

  /**
   * Takes the first {@code selectedCount} entries of {@link #positions()}, written by a kernel, as
   * the selection of a batch of {@code rowCount} rows; when every row passed it becomes "all rows".
   *
   * @throws IllegalArgumentException when the counts are out of order or over capacity
   */
  public void setSelected(int selectedCount, int rowCount) {
    checkRowCount(rowCount);
    if (selectedCount < 0 || selectedCount > rowCount) {
      throw new IllegalArgumentException(
          "selectedCount=" + selectedCount + " outside [0, rowCount=" + rowCount + "]");
    }
    count = selectedCount;
    allRows = selectedCount == rowCount;
  }

  private void checkRowCount(int rowCount) {
    if (rowCount < 0 || rowCount > positions.length) {
      throw new IllegalArgumentException(
          "rowCount=" + rowCount + " outside [0, capacityRows=" + positions.length + "]");
    }
  }

  /** The positions (capacity long); entries {@code [0, count())} are meaningful unless all. */
  public int[] positions() {
    return positions;
  }

  /** Selected rows: the batch's row count when {@link #isAll()}. */
  public int count() {
    return count;
  }

  public boolean isAll() {
    return allRows;
  }

  public boolean isNone() {
    return count == 0;
  }

  public int capacityRows() {
    return positions.length;
  }

  /** Makes {@link #positions()} hold {@code 0..count-1} when all rows are selected; returns it. */
  public int[] materialize() {
    if (allRows) {
      for (int i = 0; i < count; i++) {
        positions[i] = i;
      }
    }
    return positions;
  }

  /**
   * {@code out = a AND b}. Short-cuts: none with anything is none; all with x is x. {@code out}
   * may be {@code a} or {@code b} only for the short-cuts' sake: it must differ from both when
   * both are lists, which is checked.
   */
  public static void and(Selection a, Selection b, Selection out) {
    if (a.isNone() || b.isNone()) {
      out.selectNone();
    } else if (a.allRows) {
      out.copyFrom(b);
    } else if (b.allRows) {
      out.copyFrom(a);
    } else {
      checkDistinct(a, b, out);
      out.count =
          SelectionMerge.intersect(a.positions, a.count, b.positions, b.count, out.positions);
      out.allRows = false;
    }
  }

  /**
   * {@code out = a OR b}. Short-cuts: all with anything is all; none with x is x. For two lists
   * {@code out} must differ from both (checked), and {@code rowCount} says when the union has
   * become every row.
   */
  public static void or(Selection a, Selection b, int rowCount, Selection out) {
    if (a.allRows || b.allRows) {
      out.selectAll(rowCount);
    } else if (a.isNone()) {
      out.copyFrom(b);
    } else if (b.isNone()) {
      out.copyFrom(a);
    } else {
      checkDistinct(a, b, out);
      final int union =
          SelectionMerge.union(a.positions, a.count, b.positions, b.count, out.positions);
      out.setSelected(union, rowCount);
    }
  }

  private static void checkDistinct(Selection a, Selection b, Selection out) {
    if (out == a || out == b) {
      throw new IllegalArgumentException("selection output must differ from both inputs");
    }
  }

  private void copyFrom(Selection other) {
    if (other == this) {
      return;
    }
    if (!other.allRows) {
      System.arraycopy(other.positions, 0, positions, 0, other.count);
    }
    count = other.count;
    allRows = other.allRows;
  }
}
