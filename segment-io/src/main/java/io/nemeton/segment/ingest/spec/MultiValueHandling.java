package io.nemeton.segment.ingest.spec;

/**
 * How a string dimension stores a row holding several values: Druid's {@code multiValueHandling}.
 * {@code SORTED_ARRAY} (the default) sorts the values and keeps duplicates, {@code SORTED_SET}
 * sorts and removes duplicates, {@code ARRAY} keeps them as given.
 */
public enum MultiValueHandling {
  SORTED_ARRAY,
  SORTED_SET,
  ARRAY
}
