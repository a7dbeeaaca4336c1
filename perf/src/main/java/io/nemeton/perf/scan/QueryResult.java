package io.nemeton.perf.scan;

import java.util.Locale;

/**
 * What the benchmark found for one query: whether the engines agree, the column blocks Nemeton
 * read, and both engines' timings. Immutable.
 *
 * @param disagreement where the answers differ, or null when they agree
 * @param blocksRead column blocks Nemeton read answering the query once (see {@link BlockReadCounter})
 * @param rowsCovered rows inside the query's time range, the numerator of rows per second
 */
public record QueryResult(PaperQuery query, String disagreement, String nemetonFirstRow, BlockReadCounter blocksRead,
    long rowsCovered, EngineTiming nemeton, EngineTiming duckDb) {

  /** Rows per CPU second (per core) of Nemeton's best repetition. */
  public double nemetonRowsPerSecond() {
    return nemeton.rowsPerCpuSecond(rowsCovered);
  }

  public double duckDbRowsPerSecond() {
    return duckDb.rowsPerCpuSecond(rowsCovered);
  }

  /** Nemeton's speed per core over DuckDB's, best repetition of each: above 1, Nemeton is faster. */
  public double ratio() {
    return ratio(nemeton, duckDb);
  }

  static double ratio(EngineTiming nemeton, EngineTiming duckDb) {
    return duckDb.bestCpuNanos() / nemeton.bestCpuNanos();
  }

  /** Whether the query met its target: a speed, or no column block read for the count queries. */
  public String targetMet() {
    if (query.answeredWithoutRowScan()) {
      return blocksRead.total() == 0 ? "yes" : "no";
    }
    if (query.targetRowsPerSecond() == 0) {
      return "-";
    }
    return nemetonRowsPerSecond() >= query.targetRowsPerSecond() ? "yes" : "no";
  }

  public String target() {
    if (query.answeredWithoutRowScan()) {
      return "no row scan";
    }
    return query.targetRowsPerSecond() == 0 ? "-" : rate(query.targetRowsPerSecond());
  }

  /** The markdown table's header. */
  static String tableHeader() {
    return "| query | Nemeton rows/s/core | DuckDB rows/s/core | ratio | target | met "
        + "| Nemeton CPU ms (best / median) | DuckDB CPU ms (best / median) | Nemeton / DuckDB wall ms (best) "
        + "| blocks read | answers |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|";
  }

  /** This query's row of the markdown table. */
  String tableRow() {
    return String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %s / %s | %s / %s | %s / %s | %d | %s |",
        query.id(), rate(nemetonRowsPerSecond()), rate(duckDbRowsPerSecond()), ratio(), target(), targetMet(),
        millis(nemeton.bestCpuNanos()), millis(nemeton.medianCpuNanos()), millis(duckDb.bestCpuNanos()),
        millis(duckDb.medianCpuNanos()), millis(nemeton.bestWallNanos()), millis(duckDb.bestWallNanos()),
        blocksRead.total(), disagreement == null ? "agree" : "DIFFER");
  }

  /** Rows per second with three significant digits, as {@code 1.23e9}. */
  static String rate(double rowsPerSecond) {
    final String text = String.format(Locale.ROOT, "%.2e", rowsPerSecond);
    final int e = text.indexOf('e');
    return text.substring(0, e) + "e" + Integer.parseInt(text.substring(e + 1));
  }

  static String millis(double nanos) {
    final double ms = nanos / 1e6;
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
        : ms >= 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.3f", ms);
  }
}
