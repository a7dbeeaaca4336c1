package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.time.IsoTimestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader against rows generated with known values: quoted fields, multi-value fields,
 * {@code \r\n}, blank lines, short rows, bad numbers and inputs of several buffers, read through
 * streams that return a few bytes at a time, so lines end at every position of a refill.
 */
class DelimitedReaderTest {
  private static final String SPEC = """
      {"type":"index_parallel","spec":{
        "dataSchema":{"dataSource":"t",
          "timestampSpec":{"column":"ts","format":"iso"},
          "dimensionsSpec":{"dimensions":["s","tags"]},
          "metricsSpec":[{"type":"longSum","name":"l","fieldName":"l"},{"type":"doubleSum","name":"d","fieldName":"d"}],
          "granularitySpec":{"segmentGranularity":"day","queryGranularity":"none","rollup":false}},
        "ioConfig":{"type":"index_parallel","inputSource":{"type":"inline","data":""},
          "inputFormat":{"type":"csv","findColumnsFromHeader":true,"listDelimiter":"|"}}}}
      """;

  /** One generated row: what each field must read as (null = null). */
  private record Row(long line, long time, String s, List<String> tags, Long l, Double d, boolean badNumber) {}

  @Test
  void readsGeneratedCsvLikeItsValues() throws Exception {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 4; round++) {
      final int rows = round == 0 ? 30_000 : random.nextInt(1, 3000);
      final int chunkBytes = round == 0 ? Integer.MAX_VALUE : random.nextInt(1, 200);
      final boolean newlineAtEnd = random.nextBoolean();
      check(random, rows, chunkBytes, newlineAtEnd, "seed=" + seed + " round=" + round);
    }
  }

  private static void check(SplittableRandom random, int rowCount, int chunkBytes, boolean newlineAtEnd, String context)
      throws IOException {
    // the time first or second: a plain row's time is read before its other fields are kept
    final boolean timeSecond = random.nextBoolean();
    final StringBuilder text = new StringBuilder(timeSecond ? "s,ts,tags,l,d\n" : "ts,s,tags,l,d\n");
    int badTimes = 0;
    final List<Row> rows = new ArrayList<>();
    long line = 1;
    final long day = random.nextLong(0, 30_000) * 86_400_000L;
    for (int i = 0; i < rowCount; i++) {
      line++;
      if (random.nextInt(20) == 0) {
        text.append(random.nextBoolean() ? "" : " \t").append(random.nextBoolean() ? "\r\n" : "\n");
        continue;
      }
      final long time = day + random.nextLong(0, 3 * 86_400_000L);
      String iso = IsoTimestamps.format(time);
      if (random.nextInt(4) == 0 && time % 1000 == 0) {
        iso = iso.substring(0, 19) + "Z";
      }
      final String s = random.nextInt(10) == 0 ? null : "v" + random.nextInt(random.nextBoolean() ? 20 : 100_000);
      final boolean quoted = s != null && random.nextInt(10) == 0;
      final List<String> tags = random.nextInt(3) == 0 ? List.of("t" + random.nextInt(5), "t" + random.nextInt(5))
          : random.nextBoolean() ? List.of("t" + random.nextInt(5)) : List.of();
      final Long l = random.nextInt(10) == 0 ? null : random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
      final Double d = random.nextInt(10) == 0 ? null : random.nextInt(10_000_000) / 100.0;
      final boolean badNumber = random.nextInt(50) == 0;
      final boolean badTime = random.nextInt(40) == 0;
      if (badTime) {
        iso = random.nextBoolean() ? "2026-02-30T00:00:00.000Z" : "yesterday";
      }
      final String sText = s == null ? "" : quoted ? "\"" + s + "\"" : s;
      text.append(timeSecond ? sText : iso).append(',').append(timeSecond ? iso : sText);
      text.append(',').append(String.join("|", tags)).append(',').append(badNumber ? "x1" : l == null ? "" : l);
      final boolean shortRow = d == null && random.nextBoolean();
      if (!shortRow) {
        text.append(',').append(d == null ? "" : d);
      }
      if (i < rowCount - 1 || newlineAtEnd) {
        text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
      }
      if (badTime) {
        badTimes++;
        continue;
      }
      rows.add(new Row(line, time, s, tags, badNumber ? null : l, d, badNumber));
    }
    final byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    final IngestionSpec spec = IngestionSpec.parse(SPEC);
    final InputSchema schema = InputSchema.compile(spec);
    final ParseErrorLog log = new ParseErrorLog(Integer.MAX_VALUE, 0);
    final InputBatch batch = new InputBatch(schema);
    final InputFile file = new InputFile("generated", () -> new TrickleInputStream(bytes, chunkBytes));
    final StringField sField = schema.stringField(0);
    final StringField tagsField = schema.stringField(1);
    int next = 0;
    try (RowReader reader = new DelimitedReader(file, spec.inputFormat(), schema, log)) {
      boolean more = true;
      while (more) {
        more = reader.read(batch);
        for (int r = 0; r < batch.count; r++) {
          final Row row = rows.get(next++);
          final String at = context + " line=" + row.line();
          assertEquals(row.line(), batch.lines[r], at);
          assertEquals(row.time(), batch.times[r], at);
          assertEquals(row.s(), sField.dictionary.value(batch.codes[sField.slot][r]), at);
          final int code = batch.codes[tagsField.slot][r];
          final List<String> tags = new ArrayList<>();
          for (int v = 0; v < tagsField.valueCount(code) && code != 0; v++) {
            tags.add(tagsField.dictionary.value(tagsField.valueId(code, v)));
          }
          // multi-value fields are sorted by default (multiValueHandling SORTED_ARRAY)
          assertEquals(row.tags().stream().sorted().toList(), tags, at);
          assertEquals(row.l() == null ? 1 : 0, batch.longNulls[0][r], at);
          if (row.l() != null) {
            assertEquals(row.l().longValue(), batch.longs[0][r], at);
          }
          assertEquals(row.d() == null ? 1 : 0, batch.doubleNulls[0][r], at);
          if (row.d() != null) {
            assertEquals(row.d(), batch.doubles[0][r], at);
          }
          assertEquals(row.badNumber(), batch.errors[r] != null, at);
        }
        batch.clear();
      }
    }
    assertEquals(rows.size(), next, context);
    assertEquals(badTimes, log.unparseable, context + ": rows with a bad time are unparseable");
  }

}
