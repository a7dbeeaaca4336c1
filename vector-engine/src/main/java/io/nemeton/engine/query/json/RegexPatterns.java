package io.nemeton.engine.query.json;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that regular expressions in a query compile. Stateless and thread-safe. */
public final class RegexPatterns {

  private RegexPatterns() {}

  /** A required field holding a Java regular expression; a bad pattern is an error at the field. */
  public static String required(FieldReader reader, String field) {
    final String pattern = reader.requiredString(field);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw reader.invalid(field, "invalid regular expression " + JsonValues.describe((Object) pattern)
          + ": " + e.getDescription() + " near index " + e.getIndex());
    }
    return pattern;
  }
}
