package io.nemeton.engine.kernel;

/**
 * A set of dictionary ids {@code [0, capacity)} as a bitset of 32-bit words: the ids a string
 * filter ({@code selector}, {@code in}, a predicate over the dictionary) matches, built once per
 * query and column and then probed per row by {@link SelectionKernels#selectIds}. 32-bit words
 * let the SIMD kernel gather eight words in one instruction; a 1 M-id dictionary costs 128 KiB.
 *
 * <p>Not thread-safe while being filled; safe to read from any thread afterwards. Allocates only
 * in its constructor.
 */
public final class IdBitSet {
  private final int capacity;
  private final int[] words;

  /**
   * An empty set for ids {@code [0, capacity)}.
   *
   * @throws IllegalArgumentException when capacity is negative
   */
  public IdBitSet(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("id set capacity=" + capacity + " must be >= 0");
    }
    this.capacity = capacity;
    this.words = new int[(int) ((capacity + 31L) >>> 5)];
  }

  /** The set of ids {@code i} with {@code matching[i]} true; capacity is the array's length. */
  public static IdBitSet of(boolean[] matching) {
    final IdBitSet set = new IdBitSet(matching.length);
    for (int id = 0; id < matching.length; id++) {
      if (matching[id]) {
        set.words[id >>> 5] |= 1 << id;
      }
    }
    return set;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Adds {@code id}.
   *
   * @throws IllegalArgumentException when id is outside {@code [0, capacity)}
   */
  public void add(int id) {
    if (id < 0 || id >= capacity) {
      throw new IllegalArgumentException(
          "dictionary id=" + id + " outside id set capacity=" + capacity);
    }
    words[id >>> 5] |= 1 << id;
  }

  /** Whether {@code id} (in {@code [0, capacity)}, not checked) is in the set. */
  public boolean contains(int id) {
    return (words[id >>> 5] >>> id & 1) != 0;
  }

  /** Number of ids in the set. */
  public int cardinality() {
    int count = 0;
    for (int word : words) {
      count += Integer.bitCount(word);
    }
    return count;
  }

  /** The words, bit {@code id & 31} of word {@code id >>> 5}; read by the kernels. */
  int[] words() {
    return words;
  }
}
