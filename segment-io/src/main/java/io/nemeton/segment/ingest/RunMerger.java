package io.nemeton.segment.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Merges sorted runs into one sorted stream with a tree of losers over the runs' current rows
 * (one comparison per tree level per row; times are kept in an array so most comparisons read no
 * row), ties going to the earlier run so input order is kept. Rolls up equal keys across runs when
 * asked and hands rows to a {@link RowSink} in chunks; the last row of a chunk is held back while
 * rollup is on, since the next row may still merge into it.
 *
 * <p>Not thread-safe.
 */
final class RunMerger {
  private static final int CHUNK_ROWS = 4096;

  private final RowKeys keys;
  private final Aggregation aggregation;
  private final boolean rollup;
  private RunCursor[] cursors;
  private long[] heads;
  private boolean[] exhausted;
  private int[] tree;

  RunMerger(RowKeys keys, Aggregation aggregation, boolean rollup) {
    this.keys = keys;
    this.aggregation = aggregation;
    this.rollup = rollup;
  }

  void merge(List<RunCursor> runs, RowStore chunkShape, RowSink out) throws IOException {
    final int k = runs.size();
    cursors = runs.toArray(new RunCursor[0]);
    heads = new long[k];
    exhausted = new boolean[k];
    tree = new int[Math.max(1, k)];
    java.util.Arrays.fill(tree, -1);
    for (int i = 0; i < k; i++) {
      if (cursors[i].start()) {
        heads[i] = cursors[i].rows().time(cursors[i].row());
      } else {
        exhausted[i] = true;
        heads[i] = Long.MAX_VALUE;
      }
    }
    for (int i = 0; i < k; i++) {
      insert(i, k);
    }
    if (k == 0) {
      return;
    }
    final RowStore chunk = chunkShape;
    int rows = 0;
    while (true) {
      final int winner = tree[0];
      if (exhausted[winner]) {
        break;
      }
      final RunCursor cursor = cursors[winner];
      final RowStore source = cursor.rows();
      final int sourceRow = cursor.row();
      if (rollup && rows > 0 && keys.equal(chunk, rows - 1, source, sourceRow)) {
        aggregation.combine(chunk, rows - 1, source, sourceRow);
      } else {
        if (rows == CHUNK_ROWS) {
          if (rollup) {
            out.accept(chunk, null, 0, rows - 1);
            chunk.copyRow(chunk, rows - 1, 0);
            rows = 1;
          } else {
            out.accept(chunk, null, 0, rows);
            rows = 0;
          }
        }
        chunk.copyRow(source, sourceRow, rows++);
      }
      if (cursor.advance()) {
        heads[winner] = cursor.rows().time(cursor.row());
      } else {
        exhausted[winner] = true;
        heads[winner] = Long.MAX_VALUE;
      }
      replay(winner, k);
    }
    if (rows > 0) {
      out.accept(chunk, null, 0, rows);
    }
  }

  /** Places run {@code run} while building the tree: a node's first arrival waits there. */
  private void insert(int run, int k) {
    int winner = run;
    for (int node = (run + k) >>> 1; node > 0; node >>>= 1) {
      if (tree[node] == -1) {
        tree[node] = winner;
        return;
      }
      if (before(tree[node], winner)) {
        final int loser = winner;
        winner = tree[node];
        tree[node] = loser;
      }
    }
    tree[0] = winner;
  }

  /** Replays the matches on the path of run {@code run} after its row changed. */
  private void replay(int run, int k) {
    int winner = run;
    for (int node = (run + k) >>> 1; node > 0; node >>>= 1) {
      final int other = tree[node];
      if (before(other, winner)) {
        tree[node] = winner;
        winner = other;
      }
    }
    tree[0] = winner;
  }

  /**
   * True when run {@code a}'s current row comes before run {@code b}'s (exhausted runs come last).
   * An exhausted run's head is {@link Long#MAX_VALUE}, so the common case is one comparison of
   * heads; only equal heads look at whether a run is exhausted, then at the rows.
   */
  private boolean before(int a, int b) {
    final long timeA = heads[a];
    final long timeB = heads[b];
    if (timeA != timeB) {
      return timeA < timeB;
    }
    if (exhausted[a] || exhausted[b]) {
      return !exhausted[a] || (exhausted[b] && a < b);
    }
    final RunCursor cursorA = cursors[a];
    final RunCursor cursorB = cursors[b];
    final int byKey = keys.compareDimensions(0, cursorA.rows(), cursorA.row(), cursorB.rows(), cursorB.row());
    return byKey < 0 || (byKey == 0 && a < b);
  }
}
