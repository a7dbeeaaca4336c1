package io.nemeton.segment.ingest;

/** Orders ints (row numbers, dictionary ids) by what they stand for. */
@FunctionalInterface
interface IntComparator {
  int compare(int left, int right);
}
