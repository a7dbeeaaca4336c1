package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code fn} applied left to right over {@code fields}: {@code + - * /} ({@code /} gives 0 when
 * dividing by 0), {@code quotient} (plain division) and {@code pow}.
 *
 * @param ordering null (natural numeric order) or {@code numericFirst} (finite values before NaN
 *     and infinities) for sorting on this post-aggregator
 */
public record ArithmeticPostAggregator(String name, Function fn, List<PostAggregator> fields, String ordering)
    implements PostAggregator {

  /** The arithmetic functions. */
  public enum Function {
    PLUS("+"),
    MINUS("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    QUOTIENT("quotient"),
    POW("pow");

    private final String symbol;

    Function(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    static Function fromSymbol(String symbol) {
      for (Function function : values()) {
        if (function.symbol.equals(symbol)) {
          return function;
        }
      }
      return null;
    }
  }

  public ArithmeticPostAggregator {
    Objects.requireNonNull(fn, "fn");
    fields = List.copyOf(fields);
  }

  static ArithmeticPostAggregator parse(FieldReader reader) {
    final String symbol = reader.requiredString("fn");
    final Function fn = Function.fromSymbol(symbol);
    if (fn == null) {
      throw reader.invalid("fn", "unknown function '" + symbol + "'; supported: +, -, *, /, quotient, pow");
    }
    final List<PostAggregator> fields = reader.requiredList("fields", PostAggregator::parse);
    PostAggregator.checkAtLeastTwo(reader, fields);
    final String ordering = reader.optionalString("ordering");
    if (ordering != null && !ordering.equals("numericFirst")) {
      throw reader.invalid("ordering", "unknown ordering '" + ordering + "'; supported: numericFirst");
    }
    return new ArithmeticPostAggregator(reader.optionalString("name"), fn, fields, ordering);
  }

  @Override
  public Set<String> dependentFields() {
    return PostAggregator.dependentFieldsOf(fields);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("arithmetic", name);
    node.put("fn", fn.symbol());
    node.set("fields", PostAggregator.toJsonArray(fields));
    if (ordering != null) {
      node.put("ordering", ordering);
    }
    return node;
  }
}
