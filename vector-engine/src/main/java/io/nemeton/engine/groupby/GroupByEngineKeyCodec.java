package io.nemeton.engine.groupby;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs the per-dimension codes of a group into one long and back: mixed radix when every
 * dimension's code bound is known and their product fits (then the key bound is known and small
 * keys use a dense table), bit fields of 31 bits for unbounded dimensions when they fit in 62
 * bits, and otherwise a numbering of the code tuples. Not thread-safe.
 */
final class GroupByEngineKeyCodec {
  private enum Mode { RADIX, BITS, TUPLES }

  private final Mode mode;
  private final long[] radix;
  private final int[] bounds;
  private final long keyBound;
  private final Map<List<Integer>, Integer> tupleIds;
  private final List<int[]> tuples;

  GroupByEngineKeyCodec(int[] codeBounds) {
    this.bounds = codeBounds.clone();
    this.radix = new long[codeBounds.length];
    long product = 1;
    boolean known = true;
    for (int d = 0; d < codeBounds.length; d++) {
      if (codeBounds[d] < 0 || product > (Long.MAX_VALUE >> 2) / Math.max(1, codeBounds[d])) {
        known = false;
        break;
      }
      radix[d] = product;
      product *= Math.max(1, codeBounds[d]);
    }
    if (known) {
      mode = Mode.RADIX;
      keyBound = product;
    } else if (codeBounds.length * 31 <= 62) {
      mode = Mode.BITS;
      keyBound = -1;
    } else {
      mode = Mode.TUPLES;
      keyBound = -1;
    }
    this.tupleIds = mode == Mode.TUPLES ? new HashMap<>() : null;
    this.tuples = mode == Mode.TUPLES ? new ArrayList<>() : null;
  }

  /** Whether keys are mixed-radix sums {@code sum(code[d] * radix(d))}. */
  boolean isRadix() {
    return mode == Mode.RADIX;
  }

  /** The weight of dimension {@code d}'s code in a mixed-radix key. */
  long radix(int d) {
    return radix[d];
  }

  /** Keys are in {@code [0, keyBound)}, or -1 when unknown. */
  long keyBound() {
    return keyBound;
  }

  long encode(int[] codes) {
    switch (mode) {
      case RADIX -> {
        long key = 0;
        for (int d = 0; d < codes.length; d++) {
          key += codes[d] * radix[d];
        }
        return key;
      }
      case BITS -> {
        long key = 0;
        for (int d = 0; d < codes.length; d++) {
          key |= ((long) codes[d]) << (31 * d);
        }
        return key;
      }
      default -> {
        final List<Integer> tuple = Arrays.stream(codes).boxed().toList();
        Integer id = tupleIds.get(tuple);
        if (id == null) {
          id = tuples.size();
          tupleIds.put(tuple, id);
          tuples.add(codes.clone());
        }
        return id;
      }
    }
  }

  void decode(long key, int[] codes) {
    switch (mode) {
      case RADIX -> {
        for (int d = 0; d < codes.length; d++) {
          codes[d] = (int) ((key / radix[d]) % Math.max(1, bounds[d]));
        }
      }
      case BITS -> {
        for (int d = 0; d < codes.length; d++) {
          codes[d] = (int) ((key >>> (31 * d)) & 0x7FFFFFFFL);
        }
      }
      default -> System.arraycopy(tuples.get((int) key), 0, codes, 0, codes.length);
    }
  }
}
