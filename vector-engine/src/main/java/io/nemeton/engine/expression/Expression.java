package io.nemeton.engine.expression;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed Druid expression: the abstract syntax tree made by {@link ExpressionParser}. Nodes are
 * immutable records, compared by value, and thread-safe. {@link #evaluate} is the scalar,
 * row-at-a-time reference evaluator; it allocates per call.
 */
public sealed interface Expression
    permits LiteralExpression, IdentifierExpression, UnaryExpression, BinaryExpression, FunctionExpression {

  /** Evaluates over one row of inputs. */
  ExpressionValue evaluate(ExpressionBinding binding);

  /** The type of the result given the input types, or null when it cannot be known. */
  ExpressionType outputType(InputTypes types);

  /**
   * Canonical text that parses back to an equal expression: binary operations fully
   * parenthesised, identifiers quoted when needed, strings escaped.
   */
  String stringify();

  /** Adds the identifiers this expression reads to {@code names}. */
  void collectBindings(Set<String> names);

  /** The identifiers this expression reads, in order of first appearance. */
  default Set<String> requiredBindings() {
    final Set<String> names = new LinkedHashSet<>();
    collectBindings(names);
    return names;
  }
}
