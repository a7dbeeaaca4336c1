package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A segmentMetadata query: per-segment (or merged) column types, sizes and other analyses.
 *
 * @param usingDefaultInterval true when the query gave no intervals: the engine then applies its
 *     default look-back, as Druid does
 * @param toInclude which columns to analyse
 * @param analysisTypes what to compute (default: cardinality, interval, minmax)
 */
public record SegmentMetadataQuery(
    DataSource dataSource, QueryIntervals intervals, boolean usingDefaultInterval, ColumnInclusion toInclude,
    boolean merge, Set<AnalysisType> analysisTypes, AggregatorMergeStrategy aggregatorMergeStrategy,
    QueryContext context) implements Query {

  /** The analyses Druid knows. */
  public enum AnalysisType {
    CARDINALITY("cardinality"),
    SIZE("size"),
    INTERVAL("interval"),
    AGGREGATORS("aggregators"),
    MINMAX("minmax"),
    TIMESTAMP_SPEC("timestampSpec"),
    QUERY_GRANULARITY("queryGranularity"),
    ROLLUP("rollup");

    private final String jsonName;

    AnalysisType(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    static AnalysisType parse(JsonNode node, String path) {
      final String text = JsonValues.text(node, path);
      for (AnalysisType type : values()) {
        if (type.jsonName.equalsIgnoreCase(text) || type.name().equalsIgnoreCase(text)) {
          return type;
        }
      }
      throw new InvalidQueryException(path, "unknown analysis type '" + text + "'; supported: cardinality, size, "
          + "interval, aggregators, minmax, timestampSpec, queryGranularity, rollup");
    }
  }

  /** How aggregator descriptions of different segments are merged. */
  public enum AggregatorMergeStrategy { STRICT, LENIENT, EARLIEST, LATEST }

  /**
   * Which columns to analyse: all, none, or a list.
   *
   * @param columns the listed columns, or null for all and none
   */
  public record ColumnInclusion(Mode mode, List<String> columns) {

    /** The three forms of {@code toInclude}. */
    public enum Mode { ALL, NONE, LIST }

    public static final ColumnInclusion ALL = new ColumnInclusion(Mode.ALL, null);

    public ColumnInclusion {
      Objects.requireNonNull(mode, "mode");
      columns = columns == null ? null : List.copyOf(columns);
    }

    static ColumnInclusion parse(JsonNode node, String path) {
      final FieldReader reader = FieldReader.of(node, path);
      final String type = reader.requiredString("type");
      return switch (type) {
        case "all" -> ALL;
        case "none" -> new ColumnInclusion(Mode.NONE, null);
        case "list" -> {
          if (!reader.has("columns")) {
            throw reader.missing("columns");
          }
          yield new ColumnInclusion(Mode.LIST, List.copyOf(new LinkedHashSet<>(reader.stringList("columns"))));
        }
        default -> throw reader.unknownType("toInclude", type, List.of("all", "none", "list"));
      };
    }

    ObjectNode toJson() {
      final ObjectNode node = JsonTrees.typed(mode.name().toLowerCase(Locale.ROOT));
      if (columns != null) {
        node.set("columns", JsonTrees.strings(columns));
      }
      return node;
    }
  }

  /** Druid's default analyses. */
  public static final Set<AnalysisType> DEFAULT_ANALYSIS_TYPES =
      Set.copyOf(EnumSet.of(AnalysisType.CARDINALITY, AnalysisType.INTERVAL, AnalysisType.MINMAX));

  public SegmentMetadataQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(toInclude, "toInclude");
    analysisTypes = analysisTypes.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(analysisTypes));
    Objects.requireNonNull(aggregatorMergeStrategy, "aggregatorMergeStrategy");
    Objects.requireNonNull(context, "context");
  }

  static SegmentMetadataQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.optionalIntervals(reader);
    final ColumnInclusion toInclude = reader.has("toInclude")
        ? reader.required("toInclude", ColumnInclusion::parse)
        : ColumnInclusion.ALL;
    final Set<AnalysisType> analysisTypes = reader.has("analysisTypes")
        ? Set.copyOf(reader.list("analysisTypes", AnalysisType::parse))
        : DEFAULT_ANALYSIS_TYPES;
    final Boolean lenient = reader.optionalBoolean("lenientAggregatorMerge");
    final String strategyText = reader.optionalString("aggregatorMergeStrategy");
    if (lenient != null && strategyText != null) {
      throw reader.invalid("aggregatorMergeStrategy", "cannot be set together with the deprecated "
          + "lenientAggregatorMerge (" + lenient + "); use aggregatorMergeStrategy only");
    }
    AggregatorMergeStrategy strategy = Boolean.TRUE.equals(lenient)
        ? AggregatorMergeStrategy.LENIENT
        : AggregatorMergeStrategy.STRICT;
    if (strategyText != null) {
      try {
        strategy = AggregatorMergeStrategy.valueOf(strategyText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw reader.invalid("aggregatorMergeStrategy", "unknown strategy '" + strategyText
            + "'; supported: strict, lenient, earliest, latest");
      }
    }
    return new SegmentMetadataQuery(dataSource, intervals == null ? QueryIntervals.ETERNITY : intervals,
        intervals == null, toInclude, reader.booleanOr("merge", false), analysisTypes, strategy,
        QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "segmentMetadata";
  }

  @Override
  public SegmentMetadataQuery withContext(QueryContext newContext) {
    return new SegmentMetadataQuery(dataSource, intervals, usingDefaultInterval, toInclude, merge, analysisTypes,
        aggregatorMergeStrategy, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, usingDefaultInterval ? null : intervals);
    node.set("toInclude", toInclude.toJson());
    node.put("merge", merge);
    final ArrayNode types = node.putArray("analysisTypes");
    for (AnalysisType type : AnalysisType.values()) {
      if (analysisTypes.contains(type)) {
        types.add(type.jsonName());
      }
    }
    node.put("aggregatorMergeStrategy", aggregatorMergeStrategy.name().toLowerCase(Locale.ROOT));
    QueryParts.putContext(node, context);
    return node;
  }
}
