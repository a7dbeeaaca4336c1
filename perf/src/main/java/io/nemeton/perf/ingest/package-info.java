/**
 * The ingest benchmark: how fast a CSV of the paper schema becomes a queryable table.
 *
 * <p>{@link io.nemeton.perf.ingest.PaperCsvFixture} generates the CSV once per (rows, seed, data
 * version) and caches it; {@link io.nemeton.perf.ingest.DuckDbCsvLoad} is the reference figure
 * (DuckDB, one thread, explicit column types); {@link
 * io.nemeton.perf.ingest.IngestBenchmarkDuckDbOnly} prints it. Nemeton's own load is meant to run
 * beside it in the same process, so the two are compared as a ratio measured under the same
 * machine load. Build the runnable jar with {@code mvn -pl perf -am -DskipTests package}, then:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp perf/target/nemeton-perf.jar \
 *     io.nemeton.perf.ingest.IngestBenchmarkDuckDbOnly --rows 1000000
 * </pre>
 */
package io.nemeton.perf.ingest;
