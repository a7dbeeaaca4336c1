package io.nemeton.engine.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.MemoryAccounting;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The off-heap group key table against a {@link HashMap} oracle, with growth and collisions. */
@ExtendWith(LeakCheckExtension.class)
class GroupKeyHashTableTest {
  private static final String TAG = "test-groupby-hash";
  private static final long NO_LIMIT = Long.MAX_VALUE;

  private static long seed() {
    final String fixed = System.getProperty("nemeton.test.seed");
    return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
  }

  /** Key of row i in a width-w batch, as a list for the oracle. */
  private static List<Long> keyOf(long[] keys, int width, int row) {
    final List<Long> key = new ArrayList<>(width);
    for (int part = 0; part < width; part++) {
      key.add(keys[row * width + part]);
    }
    return key;
  }

  private static void checkAgainstOracle(
      GroupKeyHashTable table, int width, long[][] batches, int[] counts, String at) {
    final HashMap<List<Long>, Integer> oracle = new HashMap<>();
    final List<List<Long>> keysInOrder = new ArrayList<>();
    final int[] groups = new int[1024];
    for (int b = 0; b < batches.length; b++) {
      table.findOrInsert(batches[b], counts[b], groups);
      for (int row = 0; row < counts[b]; row++) {
        final List<Long> key = keyOf(batches[b], width, row);
        Integer expected = oracle.get(key);
        if (expected == null) {
          expected = oracle.size();
          oracle.put(key, expected);
          keysInOrder.add(key);
        }
        assertEquals(expected.intValue(), groups[row], at + " batch=" + b + " row=" + row);
      }
      assertEquals(oracle.size(), table.size(), at + " size after batch=" + b);
    }
    // Iteration: every group's key, in index order.
    final long[] copied = new long[table.size() * width];
    table.copyKeys(0, table.size(), copied);
    for (int group = 0; group < table.size(); group++) {
      for (int part = 0; part < width; part++) {
        assertEquals(keysInOrder.get(group).get(part).longValue(), copied[group * width + part], at);
        assertEquals(keysInOrder.get(group).get(part).longValue(), table.keyAt(group, part), at);
      }
    }
    // Lookups without insert: present keys find their group, absent ones -1.
    for (int b = 0; b < batches.length; b++) {
      table.find(batches[b], counts[b], groups);
      for (int row = 0; row < counts[b]; row++) {
        assertEquals(oracle.get(keyOf(batches[b], width, row)).intValue(), groups[row], at);
      }
    }
    final SplittableRandom random = new SplittableRandom(1);
    final long[] probe = new long[width * 64];
    int absent = 0;
    for (int i = 0; i < 64; i++) {
      for (int part = 0; part < width; part++) {
        probe[i * width + part] = random.nextLong();
      }
    }
    table.find(probe, 64, groups);
    for (int i = 0; i < 64; i++) {
      if (!oracle.containsKey(keyOf(probe, width, i))) {
        assertEquals(-1, groups[i], at + " absent key");
        absent++;
      }
    }
    assertTrue(absent > 0);
  }

  @Test
  void matchesHashMapWithGrowth() {
    final long seed = seed();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 12; round++) {
      final int width = 1 + random.nextInt(2);
      final int distinct = 1 + random.nextInt(random.nextBoolean() ? 50 : 40_000);
      final long[] pool = new long[distinct * width];
      for (int i = 0; i < pool.length; i++) {
        // Small values (like packed dictionary ids) and arbitrary ones.
        pool[i] = random.nextBoolean() ? random.nextInt(1000) : random.nextLong();
      }
      final int batchCount = 1 + random.nextInt(60);
      final long[][] batches = new long[batchCount][];
      final int[] counts = new int[batchCount];
      for (int b = 0; b < batchCount; b++) {
        counts[b] = random.nextInt(1025);
        batches[b] = new long[counts[b] * width];
        for (int row = 0; row < counts[b]; row++) {
          final int pick = random.nextInt(distinct);
          System.arraycopy(pool, pick * width, batches[b], row * width, width);
        }
      }
      try (GroupKeyHashTable table = new GroupKeyHashTable(TAG, width, 0, NO_LIMIT)) {
        checkAgainstOracle(table, width, batches, counts, "seed=" + seed + " round=" + round);
        assertEquals(table.allocatedBytes(), MemoryAccounting.allocatedBytes(TAG));
        table.clear();
        assertEquals(0, table.size());
        checkAgainstOracle(table, width, batches, counts, "after clear seed=" + seed);
      }
    }
  }

  @Test
  void manyCollisionsAndWrapAround() {
    final long seed = seed();
    final SplittableRandom random = new SplittableRandom(seed);
    final int capacity = 1 << 12;
    // Keys whose home slot is one of the last three: long probe chains that wrap to slot 0.
    final long[] colliding = new long[2000];
    int found = 0;
    while (found < colliding.length) {
      final long key = random.nextLong();
      if (GroupKeyHashTable.homeSlot(key, capacity) >= capacity - 3) {
        colliding[found++] = key;
      }
    }
    final long[][] batches = new long[8][];
    final int[] counts = new int[8];
    for (int b = 0; b < batches.length; b++) {
      counts[b] = 1024;
      batches[b] = new long[1024];
      for (int row = 0; row < 1024; row++) {
        batches[b][row] = colliding[random.nextInt(colliding.length)];
      }
    }
    // Sized so that 2000 groups fit without growing: the chains stay long.
    try (GroupKeyHashTable table = new GroupKeyHashTable(TAG, 1, 2000, NO_LIMIT)) {
      assertEquals(capacity, table.capacity(), "test assumes this capacity");
      checkAgainstOracle(table, 1, batches, counts, "seed=" + seed);
    }
    // And from a tiny table, growing through the collisions.
    try (GroupKeyHashTable table = new GroupKeyHashTable(TAG, 1, 0, NO_LIMIT)) {
      checkAgainstOracle(table, 1, batches, counts, "growing seed=" + seed);
    }
  }

  @Test
  void memoryBoundFailsWithClearMessageAndKeepsWhatFits() {
    final long slotBytes = 16 * 16; // 16 slots of 16 bytes
    final long keyBytes = 11 * 8; // 7/10 of 16 slots, one long each
    try (GroupKeyHashTable table = new GroupKeyHashTable(TAG, 1, 0, slotBytes + keyBytes)) {
      final long[] keys = new long[100];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = i * 31L;
      }
      final int[] groups = new int[100];
      final GroupByResourceLimitExceededException error =
          assertThrows(
              GroupByResourceLimitExceededException.class,
              () -> table.findOrInsert(keys, 100, groups));
      assertEquals(
          "group-by hash table tag=test-groupby-hash (key width 1 longs, groups=11): growing from"
              + " 16 to 32 slots (old and new slots plus keys for 22 groups, live together while"
              + " rehashing) needs 944 off-heap bytes, over the limit maxBytes=344",
          error.getMessage());
      assertEquals(944, error.requiredBytes());
      assertEquals(344, error.limitBytes());
      assertEquals(11, table.size(), "the groups before the limit are kept");
      table.find(keys, 11, groups);
      for (int i = 0; i < 11; i++) {
        assertEquals(i, groups[i]);
      }
    }
    final GroupByResourceLimitExceededException tooSmall =
        assertThrows(
            GroupByResourceLimitExceededException.class,
            () -> new GroupKeyHashTable(TAG, 2, 1000, 4096));
    assertEquals(
        "group-by hash table tag=test-groupby-hash (key width 2 longs, groups=0): creating it with"
            + " 2048 slots needs 72080 off-heap bytes, over the limit maxBytes=4096",
        tooSmall.getMessage());
  }

  @Test
  void rejectsBadArguments() {
    assertEquals(
        "group key width=3 longs outside [1, 2]",
        assertThrows(IllegalArgumentException.class, () -> new GroupKeyHashTable(TAG, 3, 0, 1))
            .getMessage());
    assertEquals(
        "group key table maxBytes=-1 must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new GroupKeyHashTable(TAG, 1, 0, -1))
            .getMessage());
    try (GroupKeyHashTable table = new GroupKeyHashTable(TAG, 1, 0, NO_LIMIT)) {
      assertEquals(
          "group=0 outside [0, size=0)",
          assertThrows(IndexOutOfBoundsException.class, () -> table.keyAt(0, 0)).getMessage());
    }
  }
}
