package io.nemeton.engine.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.RandomData;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@link PartialResults#decode}: real encodings of random queries of every type
 * are mutated (bits flipped, bytes overwritten with random or varint-extreme values, cut short,
 * bytes inserted, removed or copied from elsewhere) and decoded; only a {@link
 * PartialFormatException} may come out. A failure prints the seed, the mutation, the query and the
 * mutated bytes. Re-run one seed with {@code -Dnemeton.seed=<seed>}.
 */
@ExtendWith(LeakCheckExtension.class)
class PartialResultsFuzzTest {
  private static final int MUTATIONS = Integer.getInteger("nemeton.mutations", 20_000);

  @TempDir
  Path directory;

  private record Sample(Query query, String text, byte[] bytes) {
  }

  @Test
  void mutatedEncodingsFailOnlyWithPartialFormatException() {
    final long seed = Long.getLong("nemeton.seed", System.nanoTime());
    final List<Sample> samples = samples(seed);
    final SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int refused = 0;
    for (int m = 0; m < MUTATIONS; m++) {
      final Sample sample = samples.get(random.nextInt(samples.size()));
      final int kind = random.nextInt(8);
      final byte[] mutated = mutate(sample.bytes(), kind, random);
      try {
        PartialResults.decode(sample.query(), mutated, 0, mutated.length);
      } catch (PartialFormatException expected) {
        refused++;
      } catch (Throwable e) {
        fail("seed=" + seed + " mutation " + m + " kind=" + kind + " query=" + sample.text() + "\nbytes="
            + HexFormat.of().formatHex(mutated) + "\nthrew " + e, e);
      }
    }
    // most mutations must be caught: a format that accepted everything would pass vacuously
    assertTrue(refused > MUTATIONS / 4, "only " + refused + " of " + MUTATIONS + " mutations were refused");
  }

  private List<Sample> samples(long seed) {
    final List<Sample> samples = new ArrayList<>();
    final RandomData.Dataset dataset = RandomData.dataset(new SplittableRandom(seed));
    final List<QueryableSegment> segments = TestSegments.open(dataset.segments(), TestSegments.Storage.HEAP,
        directory);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final RandomWireQueries queries = new RandomWireQueries(new SplittableRandom(seed * 31));
      for (int q = 0; q < 3 * RandomWireQueries.TYPES; q++) {
        final String text = queries.query(q);
        final Query query = QueryParser.parse(text);
        for (QueryableSegment segment : segments) {
          final byte[] bytes = PartialResults.encode(query, engine.runSegment(query, segment));
          if (bytes.length <= 20_000) {
            samples.add(new Sample(query, text, bytes));
          }
        }
      }
    } finally {
      TestSegments.closeAll(segments);
    }
    return samples;
  }

  private static byte[] mutate(byte[] original, int kind, SplittableRandom random) {
    final byte[] bytes = original.clone();
    final int at = random.nextInt(bytes.length);
    return switch (kind) {
      case 0 -> {
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        yield bytes;
      }
      case 1 -> {
        bytes[at] = (byte) random.nextInt(256);
        yield bytes;
      }
      case 2 -> Arrays.copyOf(bytes, at);
      case 3 -> {
        final int count = 1 + random.nextInt(4);
        final byte[] grown = new byte[bytes.length + count];
        System.arraycopy(bytes, 0, grown, 0, at);
        for (int i = 0; i < count; i++) {
          grown[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, grown, at + count, bytes.length - at);
        yield grown;
      }
      case 4 -> {
        final int count = Math.min(bytes.length - at, 1 + random.nextInt(8));
        final byte[] shrunk = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, shrunk, 0, at);
        System.arraycopy(bytes, at + count, shrunk, at, bytes.length - at - count);
        yield shrunk;
      }
      case 5 -> {
        // varint extremes: a continuation byte, or the largest one-byte values
        bytes[at] = new byte[] {(byte) 0xFF, (byte) 0x80, 0x7F, 0x7E, 0}[random.nextInt(5)];
        yield bytes;
      }
      case 6 -> {
        final int flips = 2 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        yield bytes;
      }
      default -> {
        final int from = random.nextInt(bytes.length);
        final int count = Math.min(Math.min(bytes.length - from, bytes.length - at), 1 + random.nextInt(16));
        System.arraycopy(original, from, bytes, at, count);
        yield bytes;
      }
    };
  }
}
