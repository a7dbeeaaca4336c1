package io.nemeton.bench;

/**
 * Parses the arguments of {@link BenchDataMain} into {@link GenerationOptions}. Every error names
 * the option, the value and what was expected.
 *
 * <p>Stateless.
 */
final class CommandLine {
  static final String USAGE = """
      Usage: BenchDataMain <paper|wikipedia> --rows N --out FILE [options]
             BenchDataMain --help

      Writes a deterministic generated data set: the same seed gives the same bytes,
      whatever the thread count.

        paper        the paper benchmark schema (timestamp, dim_high, dim_10 .. dim_10000,
                     metric1 .. metric4); CSV with a header line, or JSON lines
        wikipedia    Wikipedia-edit-like events with the fields of the Druid tutorial
                     sample; JSON lines

      Options:
        --rows N            rows to write, 0 to 1099511627776 (required)
        --out FILE          file to write, or - for standard output (required)
        --seed S            any 64-bit integer (default 42)
        --format csv|json   default csv for paper, json for wikipedia
        --threads T         encoding threads, 1 to 256 (default: processors, at most 4);
                            does not change the output
        --explicit-nulls    wikipedia only: write absent values as null instead of
                            leaving the key out
        --help              print this text
      """;

  private CommandLine() {}

  /** True when the arguments ask for help. */
  static boolean wantsHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  static GenerationOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("no data set given: expected paper or wikipedia as the first argument");
    }
    final Dataset dataset = Dataset.fromCommandName(args[0]);
    long rows = -1;
    String out = null;
    long seed = GenerationOptions.DEFAULT_SEED;
    OutputFormat format = dataset == Dataset.PAPER ? OutputFormat.CSV : OutputFormat.JSON_LINES;
    int threads = GenerationOptions.defaultThreads();
    boolean explicitNulls = false;
    for (int i = 1; i < args.length; i++) {
      final String option = args[i];
      switch (option) {
        case "--explicit-nulls" -> explicitNulls = true;
        case "--rows" -> rows = parseLong(option, value(args, ++i, option), 0, BlockParallelWriter.MAX_ROWS);
        case "--out" -> out = value(args, ++i, option);
        case "--seed" -> seed = parseLong(option, value(args, ++i, option), Long.MIN_VALUE, Long.MAX_VALUE);
        case "--format" -> format = OutputFormat.fromOptionName(value(args, ++i, option));
        case "--threads" -> threads = (int) parseLong(option, value(args, ++i, option), 1, BlockParallelWriter.MAX_THREADS);
        default -> throw new IllegalArgumentException("unknown option=" + option + ": see --help");
      }
    }
    if (rows < 0) {
      throw new IllegalArgumentException("--rows is required");
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required (a file path, or - for standard output)");
    }
    return new GenerationOptions(dataset, rows, seed, format, out, threads, explicitNulls);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(option + ": missing value");
    }
    return args[index];
  }

  private static long parseLong(String option, String text, long min, long max) {
    final long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " value=" + text + ": expected a whole number from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " value=" + text + ": must be from " + min + " to " + max);
    }
    return value;
  }
}
