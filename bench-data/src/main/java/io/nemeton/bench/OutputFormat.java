package io.nemeton.bench;

/** The text formats the generators write. */
public enum OutputFormat {
  /** Comma-separated values, one header line, then one row per line; values never need quoting. */
  CSV("csv"),
  /** One JSON object per line (JSON lines). */
  JSON_LINES("json");

  private final String optionName;

  OutputFormat(String optionName) {
    this.optionName = optionName;
  }

  /** The name used on the command line and in file names: {@code csv} or {@code json}. */
  public String optionName() {
    return optionName;
  }

  /** Parses a command-line name; throws naming the value and the accepted names. */
  public static OutputFormat fromOptionName(String name) {
    for (OutputFormat format : values()) {
      if (format.optionName.equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("format=" + name + ": expected csv or json");
  }
}
