package io.nemeton.metadata.internal;

/** Small SQL text builders shared by the stores. Stateless. */
public final class SqlText {
  /**
   * Most values bound in one {@code IN (...)} list. Old SQLite builds cap a statement at 999
   * parameters; lists longer than this are sent in chunks.
   */
  public static final int IN_LIST_CHUNK = 500;

  private SqlText() {}

  /** {@code "?, ?, ?"} with {@code count} markers. */
  public static String placeholders(int count) {
    StringBuilder text = new StringBuilder(count * 3);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append('?');
    }
    return text.toString();
  }
}
