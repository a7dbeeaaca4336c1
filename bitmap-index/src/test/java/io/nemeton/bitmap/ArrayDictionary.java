package io.nemeton.bitmap;

/** A test dictionary over a sorted array, null (if any) first. */
record ArrayDictionary(String[] values) implements SortedDictionary {
  @Override
  public int cardinality() {
    return values.length;
  }

  @Override
  public String value(int id) {
    return values[id];
  }
}
