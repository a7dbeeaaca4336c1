package io.nemeton.engine.filter;

import io.nemeton.engine.query.search.ContainsSearchSpec;
import io.nemeton.engine.query.search.FragmentSearchSpec;
import io.nemeton.engine.query.search.RegexSearchSpec;
import io.nemeton.engine.query.search.SearchQuerySpec;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The string tests of search query specs: {@code contains} (optionally case-insensitive), {@code
 * fragment} (every fragment contained) and {@code regex} (found anywhere). Stateless.
 */
public final class SearchSpecs {
  private SearchSpecs() {
  }

  /** A thread-safe test of non-null values. */
  public static Predicate<String> predicate(SearchQuerySpec spec) {
    return switch (spec) {
      case ContainsSearchSpec contains -> {
        final String needle = contains.value();
        if (contains.caseSensitive()) {
          yield value -> value.contains(needle);
        }
        final String lower = needle.toLowerCase(Locale.ROOT);
        yield value -> value.toLowerCase(Locale.ROOT).contains(lower);
      }
      case FragmentSearchSpec fragment -> {
        final List<String> needles = fragment.caseSensitive() ? fragment.values()
            : fragment.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        final boolean caseSensitive = fragment.caseSensitive();
        yield value -> {
          final String haystack = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
          for (String needle : needles) {
            if (!haystack.contains(needle)) {
              return false;
            }
          }
          return true;
        };
      }
      case RegexSearchSpec regex -> {
        final Pattern pattern = Pattern.compile(regex.pattern());
        yield value -> pattern.matcher(value).find();
      }
    };
  }
}
