package io.nemeton.engine.aggregation;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.aggregation.AnyAggregator;
import io.nemeton.engine.query.aggregation.ApproximateHistogramAggregator;
import io.nemeton.engine.query.aggregation.CardinalityAggregator;
import io.nemeton.engine.query.aggregation.CountAggregator;
import io.nemeton.engine.query.aggregation.DoubleMeanAggregator;
import io.nemeton.engine.query.aggregation.FilteredAggregator;
import io.nemeton.engine.query.aggregation.FirstLastAggregator;
import io.nemeton.engine.query.aggregation.HllSketchAggregator;
import io.nemeton.engine.query.aggregation.HyperUniqueAggregator;
import io.nemeton.engine.query.aggregation.NumericAggregator;
import io.nemeton.engine.query.aggregation.QuantilesDoublesSketchAggregator;
import io.nemeton.engine.query.aggregation.ThetaSketchAggregator;
import io.nemeton.engine.query.dimension.DimensionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps query aggregators to their execution. {@code *Any} answers the value of the earliest row
 * (any row is allowed; this one is deterministic). Stateless.
 */
public final class Aggregations {
  /** HLL precision of {@code cardinality} (2^11 registers, as Druid's own HLL collector). */
  static final int CARDINALITY_LG_K = 11;

  private Aggregations() {
  }

  public static List<Aggregation> of(List<Aggregator> aggregators) {
    final List<Aggregation> result = new ArrayList<>(aggregators.size());
    for (Aggregator aggregator : aggregators) {
      result.add(of(aggregator));
    }
    return result;
  }

  public static Aggregation of(Aggregator aggregator) {
    return switch (aggregator) {
      case CountAggregator count -> new CountAggregation(count.name());
      case NumericAggregator numeric -> new NumericAggregation(numeric);
      case DoubleMeanAggregator mean -> new MeanAggregation(mean.name(), mean.fieldName());
      case FirstLastAggregator firstLast -> new FirstLastAggregation(firstLast);
      case FilteredAggregator filtered -> new FilteredAggregation(filtered.name(), filtered.filter(),
          of(filtered.aggregator()));
      case HllSketchAggregator hll -> new SketchAggregation(hll.name(), SketchKind.HLL, List.of(hll.fieldName()), false,
          hll.lgK(), hll.tgtHllType(), hll.stringEncoding().equalsIgnoreCase("utf16le"),
          !hll.shouldFinalize() ? SketchAggregation.Output.SKETCH
              : hll.round() ? SketchAggregation.Output.ROUNDED_ESTIMATE : SketchAggregation.Output.ESTIMATE, 0);
      case HyperUniqueAggregator unique -> new SketchAggregation(unique.name(), SketchKind.HLL,
          List.of(unique.fieldName()), false, 12, "HLL_4", false,
          unique.round() ? SketchAggregation.Output.ROUNDED_ESTIMATE : SketchAggregation.Output.ESTIMATE, 0);
      case ThetaSketchAggregator theta -> new SketchAggregation(theta.name(), SketchKind.THETA,
          List.of(theta.fieldName()), false, theta.size(), "HLL_4", false,
          !theta.shouldFinalize() ? SketchAggregation.Output.SKETCH
              : theta.errorBoundsStdDev() != null ? SketchAggregation.Output.THETA_BOUNDS
              : SketchAggregation.Output.ESTIMATE,
          theta.errorBoundsStdDev() == null ? 0 : theta.errorBoundsStdDev());
      case QuantilesDoublesSketchAggregator quantiles -> new SketchAggregation(quantiles.name(), SketchKind.QUANTILES,
          List.of(quantiles.fieldName()), false, quantiles.k(), "HLL_4", false,
          quantiles.shouldFinalize() ? SketchAggregation.Output.COUNT : SketchAggregation.Output.SKETCH, 0);
      case CardinalityAggregator cardinality -> new SketchAggregation(cardinality.name(), SketchKind.HLL,
          cardinality.fields().stream().map(DimensionSpec::dimension).toList(), cardinality.byRow(),
          CARDINALITY_LG_K, "HLL_4", false,
          cardinality.round() ? SketchAggregation.Output.ROUNDED_ESTIMATE : SketchAggregation.Output.ESTIMATE, 0);
      case AnyAggregator any -> new FirstLastAggregation(new FirstLastAggregator(switch (any.kind()) {
        case LONG_ANY -> FirstLastAggregator.Kind.LONG_FIRST;
        case DOUBLE_ANY -> FirstLastAggregator.Kind.DOUBLE_FIRST;
        case FLOAT_ANY -> FirstLastAggregator.Kind.FLOAT_FIRST;
        case STRING_ANY -> FirstLastAggregator.Kind.STRING_FIRST;
      }, any.name(), any.fieldName(), "__time", any.maxStringBytes()));
      case ApproximateHistogramAggregator histogram -> throw unsupported(
          histogram.fold() ? "approxHistogramFold" : "approxHistogram");
    };
  }

  private static QueryException unsupported(String type) {
    return new QueryException(QueryErrorCode.UNSUPPORTED_OPERATION,
        "aggregator type '" + type + "' is not supported by this engine");
  }
}
