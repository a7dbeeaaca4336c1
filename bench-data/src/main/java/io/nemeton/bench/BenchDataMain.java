package io.nemeton.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Command-line entry point of the data generators: {@code paper} or {@code wikipedia}, then
 * options (see {@code --help}). Exit status 0 on success, 2 for bad arguments, 1 for I/O errors.
 */
public final class BenchDataMain {
  static final int EXIT_OK = 0;
  static final int EXIT_IO_ERROR = 1;
  static final int EXIT_USAGE = 2;

  private BenchDataMain() {}

  public static void main(String[] args) {
    final int status = run(args, System.out, System.err);
    if (status != EXIT_OK) {
      System.exit(status);
    }
  }

  /** Runs the command, reporting to {@code stdout} (data when {@code --out -}) and {@code stderr}. */
  static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    if (CommandLine.wantsHelp(args)) {
      stdout.print(CommandLine.USAGE);
      stdout.flush();
      return EXIT_OK;
    }
    final GenerationOptions options;
    try {
      options = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      stderr.println("bench-data: " + e.getMessage());
      stderr.println("Run with --help for usage.");
      return EXIT_USAGE;
    }
    final long startNanos = System.nanoTime();
    final long bytes;
    try {
      if (options.out().equals("-")) {
        final OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        bytes = DatasetWriter.write(options, out);
        out.flush();
      } else {
        bytes = DatasetWriter.writeFile(options, Path.of(options.out()));
      }
    } catch (InvalidPathException e) {
      stderr.println("bench-data: --out value=" + options.out() + ": not a usable path: " + e.getReason());
      return EXIT_USAGE;
    } catch (IOException e) {
      stderr.println("bench-data: writing out=" + options.out() + " failed: " + e);
      return EXIT_IO_ERROR;
    }
    final double seconds = (System.nanoTime() - startNanos) / 1e9;
    stderr.printf("bench-data: %s rows=%d seed=%d format=%s threads=%d bytes=%d seconds=%.2f rows/s=%.0f%n",
        options.dataset().commandName(), options.rows(), options.seed(), options.format().optionName(),
        options.threads(), bytes, seconds, options.rows() / Math.max(seconds, 1e-9));
    return EXIT_OK;
  }
}
