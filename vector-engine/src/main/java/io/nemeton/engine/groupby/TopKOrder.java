package io.nemeton.engine.groupby;

/** Which end a top-K keeps: the K largest metrics (topN's default) or the K smallest. */
public enum TopKOrder {
  LARGEST,
  SMALLEST
}
