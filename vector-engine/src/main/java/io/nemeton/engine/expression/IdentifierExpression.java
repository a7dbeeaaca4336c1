package io.nemeton.engine.expression;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A column reference: bare ({@code added}) or double-quoted ({@code "j.page"}). */
public record IdentifierExpression(String name) implements Expression {

  private static final Pattern BARE = Pattern.compile("[_$a-zA-Z][_$a-zA-Z0-9]*");

  public IdentifierExpression {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public ExpressionValue evaluate(ExpressionBinding binding) {
    return ExpressionValue.fromJava(binding.get(name));
  }

  @Override
  public ExpressionType outputType(InputTypes types) {
    return types.typeOf(name);
  }

  @Override
  public String stringify() {
    final boolean bare = BARE.matcher(name).matches()
        && !name.equals("null") && !name.equals("NaN") && !name.equals("Infinity");
    return bare ? name : LiteralExpression.quote(name, '"');
  }

  @Override
  public void collectBindings(Set<String> names) {
    names.add(name);
  }
}
