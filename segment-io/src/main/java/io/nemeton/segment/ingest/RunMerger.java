package io.nemeton.segment.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Merges sorted runs into one sorted stream with a binary heap of cursors (ties go to the earlier
 * run, keeping input order), rolling up equal keys across runs when asked, and hands rows to a
 * {@link SegmentCutter} in chunks. The last row of a chunk is held back while rollup is on, since
 * the next run row may still merge into it.
 *
 * <p>Not thread-safe.
 */
final class RunMerger {
  private static final int CHUNK_ROWS = 4096;

  private final RowKeys keys;
  private final Aggregation aggregation;
  private final boolean rollup;

  RunMerger(RowKeys keys, Aggregation aggregation, boolean rollup) {
    this.keys = keys;
    this.aggregation = aggregation;
    this.rollup = rollup;
  }

  void merge(List<RunCursor> runs, RowColumns chunkShape, RowSink out) throws IOException {
    final RunCursor[] cursors = runs.toArray(new RunCursor[0]);
    final int[] heap = new int[cursors.length];
    int heapSize = 0;
    for (int i = 0; i < cursors.length; i++) {
      if (cursors[i].start()) {
        heap[heapSize++] = i;
        siftUp(heap, heapSize - 1, cursors);
      }
    }
    final RowColumns chunk = chunkShape;
    int rows = 0;
    while (heapSize > 0) {
      final int top = heap[0];
      final RunCursor cursor = cursors[top];
      final RowColumns source = cursor.rows();
      final int sourceRow = cursor.row();
      if (rollup && rows > 0 && keys.equal(chunk, rows - 1, source, sourceRow)) {
        aggregation.combine(chunk, rows - 1, source, sourceRow);
      } else {
        if (rows == CHUNK_ROWS) {
          if (rollup) {
            out.accept(chunk, 0, rows - 1);
            chunk.copyRow(chunk, rows - 1, 0);
            rows = 1;
          } else {
            out.accept(chunk, 0, rows);
            rows = 0;
          }
        }
        chunk.copyRow(source, sourceRow, rows++);
      }
      if (cursor.advance()) {
        siftDown(heap, heapSize, cursors);
      } else {
        heap[0] = heap[--heapSize];
        if (heapSize > 0) {
          siftDown(heap, heapSize, cursors);
        }
      }
    }
    if (rows > 0) {
      out.accept(chunk, 0, rows);
    }
  }

  private boolean less(RunCursor[] cursors, int a, int b) {
    final int byKey = keys.compare(cursors[a].rows(), cursors[a].row(), cursors[b].rows(), cursors[b].row());
    return byKey < 0 || (byKey == 0 && a < b);
  }

  private void siftUp(int[] heap, int index, RunCursor[] cursors) {
    int i = index;
    while (i > 0) {
      final int parent = (i - 1) >>> 1;
      if (!less(cursors, heap[i], heap[parent])) {
        return;
      }
      final int swap = heap[i];
      heap[i] = heap[parent];
      heap[parent] = swap;
      i = parent;
    }
  }

  private void siftDown(int[] heap, int size, RunCursor[] cursors) {
    int i = 0;
    while (true) {
      final int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      final int right = left + 1;
      final int smallest = right < size && less(cursors, heap[right], heap[left]) ? right : left;
      if (!less(cursors, heap[smallest], heap[i])) {
        return;
      }
      final int swap = heap[i];
      heap[i] = heap[smallest];
      heap[smallest] = swap;
      i = smallest;
    }
  }
}
