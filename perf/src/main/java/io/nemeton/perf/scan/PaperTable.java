package io.nemeton.perf.scan;

/**
 * The paper-schema data as one engine holds it, ready to answer the benchmark's queries. The
 * measurement calls {@link #execute} in its timed loop, so an implementation does all the work of
 * answering there (including reading every result row) and nothing else; {@link #answer} turns
 * a result into an {@link Answer} afterwards, outside the timing.
 *
 * <p>Not thread-safe: one query at a time.
 */
public interface PaperTable extends AutoCloseable {

  /** A short name for tables and messages, e.g. {@code nemeton}. */
  String engineName();

  /** Rows the table holds. */
  long rowCount();

  /** Answers {@code query}; the returned object holds the whole result. */
  Object execute(PaperQuery query);

  /** The result of {@link #execute} as a comparable table. */
  Answer answer(PaperQuery query, Object result);

  @Override
  void close();
}
