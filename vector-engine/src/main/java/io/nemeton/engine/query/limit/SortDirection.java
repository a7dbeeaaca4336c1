package io.nemeton.engine.query.limit;

import java.util.Locale;

/** Sort direction of a limit spec column. Read case-insensitively, by any prefix ("asc", "desc"). */
public enum SortDirection {
  ASCENDING,
  DESCENDING;

  /** The direction whose name starts with {@code text} (case-insensitive), or null. */
  public static SortDirection fromName(String text) {
    final String upper = text.trim().toUpperCase(Locale.ROOT);
    if (upper.isEmpty()) {
      return null;
    }
    for (SortDirection direction : values()) {
      if (direction.name().startsWith(upper)) {
        return direction;
      }
    }
    return null;
  }

  /** {@code ascending} or {@code descending}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
