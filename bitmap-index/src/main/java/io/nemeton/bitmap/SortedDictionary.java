package io.nemeton.bitmap;

/**
 * The sorted dictionary of one string column, as the index evaluator needs it: ids
 * {@code [0, cardinality)} map to distinct values in ascending {@link String#compareTo} order
 * (UTF-16 code units), with {@code null}, when the column has nulls, at id 0 and only there.
 *
 * <p>Implementations say their own thread-safety; the evaluator only reads.
 */
public interface SortedDictionary {
  int cardinality();

  /** The value of {@code id} in {@code [0, cardinality)}; {@code null} only for id 0. */
  String value(int id);
}
