package io.nemeton.bench;

import java.util.function.Supplier;

/** The data sets the generators make, with their command-line names. */
public enum Dataset {
  /** The {@link PaperSchema paper benchmark schema}; CSV or JSON lines. */
  PAPER("paper"),
  /** Wikipedia-edit-like events ({@link WikipediaEditEncoder}); JSON lines only. */
  WIKIPEDIA("wikipedia");

  private final String commandName;

  Dataset(String commandName) {
    this.commandName = commandName;
  }

  public String commandName() {
    return commandName;
  }

  /** Parses a command-line name; throws naming the value and the accepted names. */
  public static Dataset fromCommandName(String name) {
    for (Dataset dataset : values()) {
      if (dataset.commandName.equals(name)) {
        return dataset;
      }
    }
    throw new IllegalArgumentException("data set=" + name + ": expected paper or wikipedia");
  }

  /** Makes fresh encoders for this data set; each call to the supplier returns a new instance. */
  public Supplier<BlockEncoder> encoders(long seed, long rows, OutputFormat format, boolean explicitNulls) {
    return switch (this) {
      case PAPER -> {
        if (explicitNulls) {
          throw new IllegalArgumentException("data set=paper: --explicit-nulls applies to wikipedia only (paper has no nulls)");
        }
        yield () -> new PaperRowEncoder(seed, format);
      }
      case WIKIPEDIA -> {
        if (format != OutputFormat.JSON_LINES) {
          throw new IllegalArgumentException("data set=wikipedia format=" + format.optionName() + ": only json is supported");
        }
        yield () -> new WikipediaEditEncoder(seed, rows, explicitNulls);
      }
    };
  }
}
