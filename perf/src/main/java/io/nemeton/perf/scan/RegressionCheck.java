package io.nemeton.perf.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan regression rule: a query fails when its Nemeton/DuckDB ratio drops more than {@link
 * #MAX_DROP} below its baseline ratio in the first measurement and again in each of {@link
 * #REMEASUREMENTS} re-measurements; one measurement within the limit passes it. So a failure
 * needs three measurements in a row that are all too slow, which noise on a shared machine does
 * not produce, while a real regression does.
 *
 * <p>Stateless.
 */
public final class RegressionCheck {
  /** Largest allowed drop of a ratio, as a fraction of the baseline ratio. */
  public static final double MAX_DROP = 0.25;

  /** Extra measurements of a query that failed its first one. */
  public static final int REMEASUREMENTS = 2;

  /** Measures the ratios of some queries (ids in run order); the check calls it up to three times. */
  @FunctionalInterface
  public interface RatioSource {
    Map<String, Double> measure(List<String> ids) throws Exception;
  }

  /**
   * One query's verdict.
   *
   * @param measured every ratio measured, first measurement first
   */
  public record Verdict(String id, double baseline, double limit, List<Double> measured, boolean passed) {
    public Verdict {
      measured = List.copyOf(measured);
    }

    /** One line naming the query, the baseline, the measurements and the limit. */
    public String describe() {
      final StringBuilder line = new StringBuilder();
      line.append(passed ? "ok   " : "FAIL ").append(id).append(": baseline ratio=").append(format(baseline))
          .append(" measured=");
      for (int i = 0; i < measured.size(); i++) {
        line.append(i == 0 ? "" : ",").append(format(measured.get(i)));
      }
      line.append(" limit=").append(format(limit)).append(" (baseline minus ")
          .append(Math.round(MAX_DROP * 100)).append("%)");
      if (!passed) {
        line.append(": below the limit in all ").append(measured.size()).append(" measurements");
      } else if (measured.size() > 1) {
        line.append(": passed on re-measurement");
      }
      return line.toString();
    }
  }

  private RegressionCheck() {}

  /** The lowest ratio that passes against {@code baseline}. */
  public static double limit(double baseline) {
    return baseline * (1 - MAX_DROP);
  }

  /** Measures every baseline query, re-measures failures, and returns one verdict per query. */
  public static List<Verdict> run(Map<String, Double> baseline, RatioSource source) throws Exception {
    final Map<String, List<Double>> measured = new LinkedHashMap<>();
    for (String id : baseline.keySet()) {
      measured.put(id, new ArrayList<>());
    }
    List<String> pending = new ArrayList<>(baseline.keySet());
    for (int attempt = 0; attempt <= REMEASUREMENTS && !pending.isEmpty(); attempt++) {
      final Map<String, Double> ratios = source.measure(pending);
      final List<String> stillFailing = new ArrayList<>();
      for (String id : pending) {
        final Double ratio = ratios.get(id);
        if (ratio == null) {
          throw new IllegalStateException("regression check: query=" + id + " was asked for but not measured");
        }
        measured.get(id).add(ratio);
        if (!(ratio >= limit(baseline.get(id)))) {
          stillFailing.add(id);
        }
      }
      pending = stillFailing;
    }
    final List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<String, List<Double>> entry : measured.entrySet()) {
      final double base = baseline.get(entry.getKey());
      verdicts.add(new Verdict(entry.getKey(), base, limit(base), entry.getValue(), !pending.contains(entry.getKey())));
    }
    return verdicts;
  }

  static String format(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.3g", ratio);
  }
}
