package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader does before its first data line: the byte order mark (skipped when the line
 * source opens, even from a stream that hands over one byte at a time), skipped header rows and
 * the header line (read when the reader opens), and the first data line's time read ahead for
 * the day cache. The first data line itself is still read, reported and stored like any other:
 * quoted, with a bad time, or of another day than the rest.
 */
class LeadingLinesTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir
  Path temp;

  @Test
  void lineSourceSkipsAByteOrderMarkWhateverTheReadSizes() throws IOException {
    final long seed = System.nanoTime();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 200; trial++) {
      final boolean bom = random.nextBoolean();
      final List<String> expected = new ArrayList<>();
      final StringBuilder text = new StringBuilder();
      final int lines = random.nextInt(0, 5);
      for (int i = 0; i < lines; i++) {
        // lines that start like a mark but are not one stay as they are
        final String line = random.nextInt(4) == 0 ? "\u00EF\u00BB" + i : "l" + i;
        expected.add(line);
        text.append(line).append(i < lines - 1 || random.nextBoolean() ? "\n" : "");
      }
      final byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      final byte[] input = new byte[(bom ? 3 : 0) + body.length];
      if (bom) {
        System.arraycopy(BOM, 0, input, 0, 3);
      }
      System.arraycopy(body, 0, input, bom ? 3 : 0, body.length);
      final int chunk = random.nextInt(1, 5);
      final List<String> actual = new ArrayList<>();
      try (LineSource source = new LineSource(new TrickleInputStream(input, chunk), 16)) {
        while (source.next()) {
          actual.add(new String(source.buffer(), source.start(), source.end() - source.start(), StandardCharsets.UTF_8));
        }
      }
      assertEquals(expected, actual, "seed=" + seed + " trial=" + trial + " bom=" + bom + " chunk=" + chunk);
    }
  }

  @Test
  void aMarkAloneOrBeforeANewlineGivesNoRows() throws Exception {
    for (String data : new String[] {"\uFEFF", "\uFEFF\n", "\uFEFF\n\n"}) {
      final IngestFixture fixture = csv();
      assertEquals(List.of(), fixture.data(data).run(temp.resolve("d" + data.length())));
      assertEquals(0, fixture.report.unparseable());
    }
  }

  @Test
  void headerlessCsvWithAMarkReadsItsFirstLineOnTheScannedPath() throws Exception {
    final IngestFixture fixture = csv();
    final List<Map<String, Object>> rows = fixture.data("\uFEFF2020-01-02T00:00:01Z,a,1\n"
        + "2020-01-01T00:00:02Z,\"b, c\",2\n2020-01-01T00:00:03Z,d,3").run(temp);
    assertEquals(3, rows.size());
    assertEquals("b, c", rows.get(0).get("s"));
    assertEquals("2020-01-02T00:00:01.000Z", rows.get(2).get("__time"), "the first line's day is not every line's");
    assertEquals("a", rows.get(2).get("s"));
  }

  @Test
  void aBadOrQuotedFirstLineIsReportedAndStoredAsBefore() throws Exception {
    final IngestFixture bad = csv();
    final List<Map<String, Object>> rows = bad.data("yesterday,a,1\n2020-01-01T00:00:02Z,b,2\n").run(temp.resolve("bad"));
    assertEquals(1, rows.size());
    assertEquals(1, bad.report.unparseable());
    assertEquals("file=inline line=1: timestamp column=ts value=\"yesterday\" is not a valid iso timestamp",
        bad.report.parseExceptionMessages().get(0), "the first line is reported");

    final IngestFixture quoted = csv();
    final List<Map<String, Object>> quotedRows = quoted.data("\"2020-01-01T00:00:01Z\",\"x,y\",1\n2020-01-01T00:00:02Z,b,2\n")
        .run(temp.resolve("quoted"));
    assertEquals(2, quotedRows.size());
    assertEquals("x,y", quotedRows.get(0).get("s"));
  }

  @Test
  void skippedRowsThenAHeaderAreReadWhenTheReaderOpens() throws Exception {
    final IngestFixture fixture = new IngestFixture("csv", List.of("s"));
    fixture.dataSchema.put("timestampSpec", Map.of("column", "ts", "format", "iso"));
    fixture.inputFormat.put("findColumnsFromHeader", true);
    fixture.inputFormat.put("skipHeaderRows", 2);
    final List<Map<String, Object>> rows = fixture.data("\uFEFFskip one\nskip two\nn,ts,s\n1,2020-01-01T00:00:01Z,a\n")
        .run(temp);
    assertEquals(1, rows.size());
    assertEquals("a", rows.get(0).get("s"));
    assertEquals("2020-01-01T00:00:01.000Z", rows.get(0).get("__time"));
  }

  private static IngestFixture csv() {
    final IngestFixture fixture = new IngestFixture("csv", List.of("s"));
    fixture.dataSchema.put("timestampSpec", Map.of("column", "ts", "format", "iso"));
    fixture.inputFormat.put("columns", List.of("ts", "s", "n"));
    return fixture;
  }
}
