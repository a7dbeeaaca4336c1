package io.nemeton.metadata.internal;

import java.util.List;

/**
 * One numbered schema step: statements that both SQLite and PostgreSQL accept, applied in order
 * inside the migration transaction. A released step is never edited; a change is a new step.
 */
public record Migration(int version, String description, List<String> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }
}
