package io.nemeton.engine.aggregation;

import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.expression.ExpressionType;
import io.nemeton.engine.expression.ExpressionValue;
import io.nemeton.engine.query.postaggregation.ArithmeticPostAggregator;
import io.nemeton.engine.query.postaggregation.ConstantPostAggregator;
import io.nemeton.engine.query.postaggregation.ExpressionPostAggregator;
import io.nemeton.engine.query.postaggregation.FieldAccessPostAggregator;
import io.nemeton.engine.query.postaggregation.GreatestLeastPostAggregator;
import io.nemeton.engine.query.postaggregation.HllSketchEstimatePostAggregator;
import io.nemeton.engine.query.postaggregation.HllSketchEstimateWithBoundsPostAggregator;
import io.nemeton.engine.query.postaggregation.HllSketchUnionPostAggregator;
import io.nemeton.engine.query.postaggregation.HyperUniqueCardinalityPostAggregator;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.postaggregation.QuantilesDoublesSketchToCdfPostAggregator;
import io.nemeton.engine.query.postaggregation.QuantilesDoublesSketchToHistogramPostAggregator;
import io.nemeton.engine.query.postaggregation.QuantilesDoublesSketchToQuantilePostAggregator;
import io.nemeton.engine.query.postaggregation.QuantilesDoublesSketchToQuantilesPostAggregator;
import io.nemeton.engine.query.postaggregation.ThetaSketchEstimatePostAggregator;
import io.nemeton.engine.query.postaggregation.ThetaSketchSetOpPostAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaAnotB;
import org.apache.datasketches.theta.ThetaIntersection;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaSketch;
import org.apache.datasketches.theta.ThetaUnion;

/**
 * Computes post-aggregators over one result row of intermediate aggregator values, with Druid's
 * rules: {@code arithmetic} works in doubles, gives null when an input is null and 0 for a
 * division by zero with {@code /} (but not {@code quotient}); {@code fieldAccess} reads the raw
 * intermediate value and {@code finalizingFieldAccess} (and expressions) the finalized one;
 * greatest/least ignore nulls. Stateless; allocates per call (once per result row).
 */
public final class PostAggregations {
  private PostAggregations() {
  }

  /**
   * Adds each post-aggregator's value to {@code row} in order (later ones may read earlier ones).
   *
   * @param row output names to intermediate values; post-aggregator values are added to it
   * @param aggregations the query's aggregations by name, to finalize values
   */
  public static void computeAll(List<PostAggregator> postAggregators, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    for (PostAggregator post : postAggregators) {
      row.put(post.name(), compute(post, row, aggregations));
    }
  }

  public static Object compute(PostAggregator post, Map<String, Object> row, Map<String, Aggregation> aggregations) {
    return switch (post) {
      case FieldAccessPostAggregator access -> {
        final Object value = row.get(access.fieldName());
        final Aggregation aggregation = aggregations.get(access.fieldName());
        yield access.finalizing() && aggregation != null ? aggregation.finalizeValue(value) : value;
      }
      case ConstantPostAggregator constant -> constant.value();
      case ArithmeticPostAggregator arithmetic -> arithmetic(arithmetic, row, aggregations);
      case GreatestLeastPostAggregator greatest -> greatestLeast(greatest, row, aggregations);
      case HyperUniqueCardinalityPostAggregator unique -> {
        final Object value = row.get(unique.fieldName());
        yield value == null ? null : SketchAggregation.estimate(value);
      }
      case ExpressionPostAggregator expression -> expression(expression, row, aggregations);
      case HllSketchEstimatePostAggregator estimate -> {
        final HllSketch sketch = (HllSketch) compute(estimate.field(), row, aggregations);
        yield estimate.round() ? (Object) Math.round(sketch.getEstimate()) : (Object) sketch.getEstimate();
      }
      case HllSketchEstimateWithBoundsPostAggregator bounds -> {
        final HllSketch sketch = (HllSketch) compute(bounds.field(), row, aggregations);
        yield List.of(sketch.getEstimate(), sketch.getLowerBound(bounds.numStdDev()),
            sketch.getUpperBound(bounds.numStdDev()));
      }
      case HllSketchUnionPostAggregator union -> {
        final HllUnion merged = new HllUnion(union.lgK());
        for (PostAggregator field : union.fields()) {
          merged.update((HllSketch) compute(field, row, aggregations));
        }
        yield merged.getResult(TgtHllType.valueOf(union.tgtHllType()));
      }
      case ThetaSketchEstimatePostAggregator estimate -> {
        final ThetaSketch sketch = (ThetaSketch) compute(estimate.field(), row, aggregations);
        if (estimate.errorBoundsStdDev() == null) {
          yield sketch.getEstimate();
        }
        final Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("estimate", sketch.getEstimate());
        bounds.put("highBound", sketch.getUpperBound(estimate.errorBoundsStdDev()));
        bounds.put("lowBound", sketch.getLowerBound(estimate.errorBoundsStdDev()));
        bounds.put("numStdDev", estimate.errorBoundsStdDev());
        yield bounds;
      }
      case ThetaSketchSetOpPostAggregator setOp -> thetaSetOp(setOp, row, aggregations);
      case QuantilesDoublesSketchToQuantilePostAggregator quantile -> {
        final QuantilesDoublesSketch sketch = (QuantilesDoublesSketch) compute(quantile.field(), row, aggregations);
        yield sketch.isEmpty() ? Double.NaN : sketch.getQuantile(quantile.fraction(), QuantileSearchCriteria.INCLUSIVE);
      }
      case QuantilesDoublesSketchToQuantilesPostAggregator quantiles -> {
        final QuantilesDoublesSketch sketch = (QuantilesDoublesSketch) compute(quantiles.field(), row, aggregations);
        final double[] fractions = quantiles.fractions().stream().mapToDouble(Double::doubleValue).toArray();
        if (sketch.isEmpty()) {
          final double[] nans = new double[fractions.length];
          Arrays.fill(nans, Double.NaN);
          yield nans;
        }
        yield sketch.getQuantiles(fractions, QuantileSearchCriteria.INCLUSIVE);
      }
      case QuantilesDoublesSketchToHistogramPostAggregator histogram -> histogram(histogram, row, aggregations);
      case QuantilesDoublesSketchToCdfPostAggregator cdf -> {
        final QuantilesDoublesSketch sketch = (QuantilesDoublesSketch) compute(cdf.field(), row, aggregations);
        final double[] splits = cdf.splitPoints().stream().mapToDouble(Double::doubleValue).toArray();
        yield sketch.isEmpty() ? null : sketch.getCDF(splits, QuantileSearchCriteria.INCLUSIVE);
      }
    };
  }

  private static Object arithmetic(ArithmeticPostAggregator post, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    Double result = null;
    for (PostAggregator field : post.fields()) {
      final Object value = compute(field, row, aggregations);
      if (!(value instanceof Number number)) {
        return null;
      }
      final double operand = number.doubleValue();
      if (result == null) {
        result = operand;
        continue;
      }
      result = switch (post.fn()) {
        case PLUS -> result + operand;
        case MINUS -> result - operand;
        case MULTIPLY -> result * operand;
        case DIVIDE -> operand == 0.0 ? 0.0 : result / operand;
        case QUOTIENT -> result / operand;
        case POW -> Math.pow(result, operand);
      };
    }
    return result;
  }

  private static Object greatestLeast(GreatestLeastPostAggregator post, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    final boolean greatest = post.kind().greatest();
    final boolean asLong = post.kind().type().kind() == io.nemeton.engine.query.ValueType.Kind.LONG;
    Number best = null;
    for (PostAggregator field : post.fields()) {
      final Object value = compute(field, row, aggregations);
      if (!(value instanceof Number number)) {
        continue;
      }
      if (best == null) {
        best = number;
      } else if (asLong) {
        best = greatest ? Math.max(best.longValue(), number.longValue()) : Math.min(best.longValue(), number.longValue());
      } else {
        best = greatest ? Math.max(best.doubleValue(), number.doubleValue())
            : Math.min(best.doubleValue(), number.doubleValue());
      }
    }
    if (best == null) {
      return null;
    }
    return asLong ? (Object) best.longValue() : (Object) best.doubleValue();
  }

  private static Object expression(ExpressionPostAggregator post, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    final ExpressionValue value = ExpressionParser.parse(post.expression()).evaluate(name -> {
      final Object raw = row.get(name);
      final Aggregation aggregation = aggregations.get(name);
      return aggregation != null ? aggregation.finalizeValue(raw) : raw;
    });
    if (post.outputType() == null) {
      return value.toJava();
    }
    final ExpressionType type = switch (post.outputType().kind()) {
      case LONG -> ExpressionType.LONG;
      case FLOAT, DOUBLE -> ExpressionType.DOUBLE;
      default -> ExpressionType.STRING;
    };
    return value.castTo(type).toJava();
  }

  private static Object thetaSetOp(ThetaSketchSetOpPostAggregator post, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    final List<ThetaSketch> sketches = new ArrayList<>();
    for (PostAggregator field : post.fields()) {
      sketches.add((ThetaSketch) compute(field, row, aggregations));
    }
    switch (post.func()) {
      case UNION -> {
        final ThetaUnion union = ThetaSetOperation.builder().setNominalEntries(post.size()).buildUnion();
        for (ThetaSketch sketch : sketches) {
          union.union(sketch);
        }
        return union.getResult();
      }
      case INTERSECT -> {
        final ThetaIntersection intersection = ThetaSetOperation.builder().setNominalEntries(post.size())
            .buildIntersection();
        for (ThetaSketch sketch : sketches) {
          intersection.intersect(sketch);
        }
        return intersection.getResult();
      }
      default -> {
        CompactThetaSketch result = sketches.get(0).compact();
        for (int i = 1; i < sketches.size(); i++) {
          final ThetaAnotB difference = ThetaSetOperation.builder().setNominalEntries(post.size()).buildANotB();
          result = difference.aNotB(result, sketches.get(i));
        }
        return result;
      }
    }
  }

  private static Object histogram(QuantilesDoublesSketchToHistogramPostAggregator post, Map<String, Object> row,
      Map<String, Aggregation> aggregations) {
    final QuantilesDoublesSketch sketch = (QuantilesDoublesSketch) compute(post.field(), row, aggregations);
    if (sketch.isEmpty()) {
      return null;
    }
    double[] splits;
    if (post.splitPoints() != null) {
      splits = post.splitPoints().stream().mapToDouble(Double::doubleValue).toArray();
    } else {
      final int bins = post.numBins() == null ? 10 : post.numBins();
      final double min = sketch.getMinItem();
      final double max = sketch.getMaxItem();
      splits = new double[Math.max(bins - 1, 0)];
      final double width = (max - min) / bins;
      for (int i = 0; i < splits.length; i++) {
        splits[i] = min + width * (i + 1);
      }
    }
    final double[] pmf = sketch.getPMF(splits, QuantileSearchCriteria.INCLUSIVE);
    final double n = sketch.getN();
    for (int i = 0; i < pmf.length; i++) {
      pmf[i] *= n;
    }
    return pmf;
  }
}
