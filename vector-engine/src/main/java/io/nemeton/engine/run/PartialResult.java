package io.nemeton.engine.run;

/**
 * The not yet finalized result of a query over some segments: what one segment's scan produces,
 * what merging several of them produces, and what the broker receives from data nodes and merges
 * again through the same code. Each query type has its own implementation.
 *
 * <p>Implementations are immutable once built, or owned by one thread while being merged.
 */
public interface PartialResult {
}
