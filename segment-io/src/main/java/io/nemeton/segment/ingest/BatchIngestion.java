package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.InputFormat;
import io.nemeton.segment.ingest.spec.InputFormatSpec;
import io.nemeton.segment.ingest.spec.TuningConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch ingestion: reads a spec's input (JSON lines, CSV or TSV; local files or inline data),
 * parses it into typed columns, truncates time, throws away rows outside the intervals, sorts and
 * rolls up in bounded memory (spilling to disk: sorted runs that are merged with rollup, runs
 * partitioned by time that are sorted slice by slice without), cuts the result into
 * time-chunked segments of at most {@code maxRowsPerSegment} rows and hands each to a {@link
 * SegmentSink}.
 *
 * <pre>{@code
 * IngestionSpec spec = IngestionSpec.parse(taskJson);
 * IngestReport report = BatchIngestion.run(spec, IngestOptions.defaults(tempDir), writer::write);
 * }</pre>
 *
 * <p>One ingestion runs on the calling thread; separate ingestions may run concurrently with
 * separate temp directories. Memory: at most {@code maxRowsInMemory} rows, twice (rows are
 * regrouped by time, and rolled up into a second copy), one segment being assembled, one block or
 * read buffer per spilled run while merging, and
 * the dictionaries of distinct values.
 */
public final class BatchIngestion {
  private BatchIngestion() {}

  /**
   * Runs the ingestion. Throws {@link IngestFailedException} (with the report so far) past {@code
   * maxParseExceptions}, {@link io.nemeton.segment.ingest.spec.IngestSpecException} for a spec that
   * cannot run (missing input files), and {@link IOException} for I/O failures and sink errors.
   */
  public static IngestReport run(IngestionSpec spec, IngestOptions options, SegmentSink sink) throws IOException {
    return run(spec, options, sink, IngestProgress.NONE);
  }

  /**
   * Runs the ingestion, telling {@code progress} the counters after each input batch; an exception
   * from {@code progress} stops the ingestion and is rethrown.
   */
  public static IngestReport run(IngestionSpec spec, IngestOptions options, SegmentSink sink, IngestProgress progress)
      throws IOException {
    final InputSchema schema = InputSchema.compile(spec);
    final TuningConfig tuning = spec.tuningConfig();
    final ParseErrorLog log = new ParseErrorLog(tuning.maxParseExceptions(), tuning.maxSavedParseExceptions());
    final Aggregation aggregation = new Aggregation(schema);
    final Path spillDirectory = Files.createDirectories(options.tempDirectory())
        .resolve("ingest-" + Long.toUnsignedString(System.nanoTime(), 36));
    final IntervalFilter intervals =
        new IntervalFilter(spec.granularitySpec().intervals(), spec.granularitySpec().segmentGranularity());
    final Map<String, Object> metadata = Collections.unmodifiableMap(new LinkedHashMap<>(spec.segmentMetadata()));
    final SegmentCutter cutter = new SegmentCutter(schema, aggregation, spec.granularitySpec().segmentGranularity(),
        tuning.maxRowsPerSegment(), spec.dataSource(), options.version(), metadata, sink);
    try (RowBuffer buffer = new RowBuffer(schema, aggregation, spec.granularitySpec().queryGranularity(), intervals,
        spec.granularitySpec().rollup(), tuning.maxRowsInMemory(), log, spillDirectory,
        options.spillMemoryBytes())) {
      final InputBatch batch = new InputBatch(schema);
      final List<InputFile> files = InputFiles.resolve(spec.inputSource(), options.workingDirectory());
      for (InputFile file : files) {
        try (RowReader reader = open(file, spec.inputFormat(), schema, log)) {
          // a header read on opening may have bound new string fields: the batch takes their columns
          // here, once, so the per-batch check in the reader never has to grow them
          batch.ensureStringSlots(schema.stringFieldCount());
          boolean more = true;
          while (more) {
            more = reader.read(batch);
            if (batch.count > 0) {
              buffer.append(batch);
            }
            batch.clear();
            progress.rowsSoFar(log.processed, log.processedWithError, log.thrownAway, log.unparseable);
          }
        }
      }
      buffer.finish(cutter);
      cutter.finish();
      return log.report(cutter.segments, cutter.rowsWritten, buffer.spilledRuns(), buffer.spilledRunsInMemory(),
          buffer.peakRows());
    } finally {
      Files.deleteIfExists(spillDirectory);
    }
  }

  private static RowReader open(InputFile file, InputFormatSpec format, InputSchema schema, ParseErrorLog log)
      throws IOException {
    return format.format() == InputFormat.JSON
        ? new JsonLinesReader(file, format, schema, log)
        : new DelimitedReader(file, format, schema, log);
  }
}
