package io.nemeton.perf.scan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's answer as a plain table, so the two engines' answers compare cell by cell: strings
 * stay strings, whole numbers become {@code Long}, other numbers {@code Double}, SQL and JSON
 * nulls {@code null}.
 *
 * <p>Two answers agree when they have the same rows in the same order and each cell is equal,
 * except that two doubles need only agree to {@link #RELATIVE_TOLERANCE}: the engines add
 * doubles in different orders, so the last bits of a sum of millions of values differ.
 *
 * <p>Immutable once built; allocates (it is built after a query, never inside a measurement).
 *
 * @param columns column names, in order
 * @param rows the rows, each holding one cell per column
 */
public record Answer(List<String> columns, List<List<Object>> rows) {

  /** Largest relative difference two double sums may have and still agree. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  public Answer {
    columns = List.copyOf(columns);
    final List<List<Object>> copied = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      final List<Object> row = rows.get(r);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("answer row=" + r + " has cells=" + row.size()
            + " expected=" + columns.size() + " (columns " + columns + ")");
      }
      final List<Object> cells = new ArrayList<>(row.size());
      for (Object cell : row) {
        cells.add(normalize(cell));
      }
      copied.add(java.util.Collections.unmodifiableList(cells));
    }
    rows = java.util.Collections.unmodifiableList(copied);
  }

  /** The cell as the comparison sees it: Long, Double, String or null. */
  static Object normalize(Object cell) {
    return switch (cell) {
      case null -> null;
      case Long value -> value;
      case Integer value -> value.longValue();
      case Short value -> value.longValue();
      case Byte value -> value.longValue();
      case BigInteger value -> value.longValueExact();
      case BigDecimal value -> value.scale() <= 0 ? (Object) value.longValueExact() : (Object) value.doubleValue();
      case Double value -> value;
      case Float value -> value.doubleValue();
      case String value -> value;
      default -> throw new IllegalArgumentException("answer cell=" + cell + " of type="
          + cell.getClass().getName() + " is not a number or a string");
    };
  }

  /**
   * Where {@code other} differs from this answer, as one line naming the row, column and both
   * values, or null when they agree.
   */
  public String difference(Answer other, String thisName, String otherName) {
    if (!columns.equals(other.columns)) {
      return "columns differ: " + thisName + "=" + columns + " " + otherName + "=" + other.columns;
    }
    final int common = Math.min(rows.size(), other.rows.size());
    for (int r = 0; r < common; r++) {
      for (int c = 0; c < columns.size(); c++) {
        final Object mine = rows.get(r).get(c);
        final Object theirs = other.rows.get(r).get(c);
        if (!cellsAgree(mine, theirs)) {
          return "row=" + r + " column=" + columns.get(c) + ": " + thisName + "=" + mine + " " + otherName + "="
              + theirs + " (" + thisName + " row " + rows.get(r) + ", " + otherName + " row " + other.rows.get(r) + ")";
        }
      }
    }
    if (rows.size() != other.rows.size()) {
      return "row counts differ: " + thisName + "=" + rows.size() + " " + otherName + "=" + other.rows.size();
    }
    return null;
  }

  static boolean cellsAgree(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (left instanceof Double || right instanceof Double) {
      if (!(left instanceof Number l) || !(right instanceof Number r)) {
        return false;
      }
      final double a = l.doubleValue();
      final double b = r.doubleValue();
      if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
        return true;
      }
      return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
    return left.equals(right);
  }

  /** The first row, for printing a short summary. */
  public String firstRow() {
    return rows.isEmpty() ? "(no rows)" : rows.getFirst().toString();
  }
}
