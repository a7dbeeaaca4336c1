package io.nemeton.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.theta.ThetaSketch;
import org.apache.datasketches.theta.UpdatableThetaSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complex columns of real Apache DataSketches (HLL, Theta, KLL) survive the file: each row's bytes
 * come back as a slice of the mapping that the sketch library reads directly, with the same estimate.
 */
@ExtendWith(LeakCheckExtension.class)
class SketchColumnTest {
  @TempDir
  Path directory;

  @Test
  void sketchesReadBackFromTheMapping() throws Exception {
    int rows = 1500;
    SplittableRandom random = new SplittableRandom(99);
    long[] times = RandomSegments.times(random, rows);
    byte[][] hll = new byte[rows][];
    byte[][] theta = new byte[rows][];
    byte[][] kll = new byte[rows][];
    double[] hllEstimates = new double[rows];
    double[] thetaEstimates = new double[rows];
    double[] medians = new double[rows];
    for (int row = 0; row < rows; row++) {
      int distinct = random.nextInt(row % 100 == 0 ? 5000 : 30);
      HllSketch hllSketch = new HllSketch(12);
      UpdatableThetaSketch thetaSketch = UpdatableThetaSketch.builder().build();
      KllDoublesSketch kllSketch = KllDoublesSketch.newHeapInstance();
      for (int i = 0; i < distinct; i++) {
        long value = random.nextLong(10_000);
        hllSketch.update(value);
        thetaSketch.update(value);
        kllSketch.update(value);
      }
      hll[row] = hllSketch.toCompactByteArray();
      theta[row] = thetaSketch.compact().toByteArray();
      kll[row] = kllSketch.toByteArray();
      hllEstimates[row] = hllSketch.getEstimate();
      thetaEstimates[row] = thetaSketch.getEstimate();
      medians[row] = kllSketch.isEmpty() ? Double.NaN : kllSketch.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE);
    }
    ColumnarSegment input = new ColumnarSegment(RandomSegments.info(random), rows).time(times)
        .complexColumn("users", ColumnRole.METRIC, "HLLSketch", hll)
        .complexColumn("uniques", ColumnRole.METRIC, "thetaSketch", theta)
        .complexColumn("latency", ColumnRole.METRIC, "KllDoublesSketch", kll);
    Path file = directory.resolve("sketches.nseg");
    new SegmentWriter().write(input, file);
    try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
      ComplexColumnReader users = segment.complexColumn("users");
      ComplexColumnReader uniques = segment.complexColumn("uniques");
      ComplexColumnReader latency = segment.complexColumn("latency");
      assertEquals("HLLSketch", users.typeName());
      assertEquals("thetaSketch", uniques.typeName());
      assertEquals("KllDoublesSketch", latency.typeName());
      ComplexBlock block = new ComplexBlock();
      for (int b = 0; b < users.blockCount(); b++) {
        int start = users.blockStartRow(b);
        int n = users.readBlock(b, block);
        for (int i = 0; i < n; i++) {
          assertEquals(hllEstimates[start + i], HllSketch.heapify(block.value(i)).getEstimate(), "hll row " + (start + i));
        }
        uniques.readBlock(b, block);
        for (int i = 0; i < n; i++) {
          assertEquals(thetaEstimates[start + i], ThetaSketch.wrap(block.value(i)).getEstimate(),
              "theta row " + (start + i));
        }
        latency.readBlock(b, block);
        for (int i = 0; i < n; i++) {
          KllDoublesSketch sketch = KllDoublesSketch.heapify(block.value(i));
          double median = sketch.isEmpty() ? Double.NaN : sketch.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE);
          assertEquals(medians[start + i], median, "kll row " + (start + i));
        }
      }
    }
  }
}
