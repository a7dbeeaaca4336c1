package io.nemeton.metadata.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binds plain Java values to statement parameters. Only the types the schema uses: String, Long,
 * Integer and null (bound as text). Stateless.
 */
public final class Statements {
  private Statements() {}

  public static void bind(PreparedStatement statement, Object... arguments) throws SQLException {
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      int index = i + 1;
      switch (argument) {
        case null -> statement.setNull(index, Types.VARCHAR);
        case String text -> statement.setString(index, text);
        case Long number -> statement.setLong(index, number);
        case Integer number -> statement.setInt(index, number);
        default -> throw new IllegalArgumentException("parameter " + index + " has type "
            + argument.getClass().getName() + ", which the metadata schema does not use");
      }
    }
  }

  /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
  public static int update(Connection connection, String sql, Object... arguments)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, arguments);
      return statement.executeUpdate();
    }
  }
}
